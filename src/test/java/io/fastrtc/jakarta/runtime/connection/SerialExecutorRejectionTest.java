package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class SerialExecutorRejectionTest {

  @Test
  void tasksRunOnTheCallerWhenTheExecutorRefuses() {
    List<String> ran = new CopyOnWriteArrayList<>();
    SerialExecutor lane =
        new SerialExecutor(
            task -> {
              throw new RejectedExecutionException("executor shut down");
            });

    lane.execute(() -> ran.add("first"));
    lane.execute(() -> ran.add("shutdown"));

    assertThat(ran).containsExactly("first", "shutdown");
    assertThat(lane.backlog()).isZero();
  }
}
