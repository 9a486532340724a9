package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.runtime.audio.InputAudio;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.connection.Connection;

/**
 * The caller's audio on a socket, on its way to the handler: resampled to the stream's input rate
 * and cut into 20 ms frames once the connection exists; nothing passes after {@link #close}.
 */
final class SocketInput {
  private InputAudio input;
  private boolean closed;

  /** Feeds {@code connection} from now on. */
  synchronized void open(Connection connection, Resampler.Factory resamplers) {
    input =
        new InputAudio(
            connection.definition().inputSampleRate(),
            resamplers,
            frame -> connection.onInput(frame, System.nanoTime()));
  }

  /** Mono audio at {@code sampleRate}. */
  synchronized void accept(short[] pcm, int sampleRate) {
    if (!closed && input != null) {
      input.accept(pcm, sampleRate);
    }
  }

  /** Idempotent. */
  synchronized void close() {
    closed = true;
    if (input != null) {
      input.close();
    }
  }
}
