package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
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
  private Path log;

  /**
   * Reads where to count now: at an undeploy the WAR may already be deleted when {@code shutdown}
   * runs, and the application's configuration can no longer be read then ({@code SRCFG00035}).
   */
  @Override
  public void startUp(StreamContext context) {
    log = Path.of(ConfigProvider.getConfig().getValue("drill.shutdown-log", String.class));
    super.startUp(context);
  }

  @Override
  public void shutdown() {
    super.shutdown();
    if (log == null) {
      return; // never started
    }
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
