package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An echo (limit 25) whose every {@code shutdown} appends a line to the file named by the
 * application's {@code drill.shutdown-log}: counted by the test after the application is gone.
 */
@RealtimeStream(name = "file-counted", modality = Modality.AUDIO, concurrencyLimit = 25)
@Dependent
public class FileCountedStream extends DrillEcho {

  @Override
  public void shutdown() {
    super.shutdown();
    Path log = Path.of(ConfigProvider.getConfig().getValue("drill.shutdown-log", String.class));
    try {
      Files.writeString(
          log,
          "shutdown " + System.nanoTime() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
