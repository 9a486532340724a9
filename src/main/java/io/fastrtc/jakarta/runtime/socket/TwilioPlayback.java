package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.runtime.audio.MuLawPacketizer;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.wire.SocketMessages;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The outgoing side of a Twilio call: the handler's audio resampled to 8 kHz, µ-law in 20 ms {@code
 * media} messages with the call's {@code streamSid}.
 *
 * <p>Beyond FastRTC (issue #303): when the handler flushes (barge-in), Twilio gets {@code clear}
 * and stops playing at once; after each burst of audio a {@code mark} follows, and Twilio's echo of
 * the last one tells that playback has ended.
 */
final class TwilioPlayback {
  /** Audio per outgoing {@code media} message, as Twilio sends it. */
  static final int PACKET_MILLIS = 20;

  /**
   * Clock ticks (10 ms each) without audio after which a burst counts as ended and gets its mark. A
   * handler that produces audio just in time (an echo) runs dry for a tick now and then; that is no
   * end of playback.
   */
  static final int MARK_AFTER_SILENT_TICKS = 10;

  private final Consumer<String> send;
  private final MuLawPacketizer packets =
      new MuLawPacketizer(TwilioProtocol.PHONE_RATE * PACKET_MILLIS / 1000);

  // Guarded by packets.
  private Resampler toPhone;
  private String quotedSid;
  private boolean outputClosed;
  private boolean sentSinceMark;
  private int silentTicks;
  private final Set<String> outstandingMarks = new LinkedHashSet<>();
  private long markCounter;
  private long burstEndNanos;
  private int playbacksEnded;

  /**
   * @param send queues a text frame for Twilio
   */
  TwilioPlayback(Consumer<String> send) {
    this.send = send;
  }

  /**
   * Starts playback to the call {@code quotedSid}; {@code toPhone} is null when no audio goes out.
   */
  void open(Resampler toPhone, String quotedSid) {
    synchronized (packets) {
      this.toPhone = toPhone;
      this.quotedSid = quotedSid;
    }
  }

  /** How many times Twilio confirmed (by echoing the last mark) that playback ended. */
  int playbacksEnded() {
    synchronized (packets) {
      return playbacksEnded;
    }
  }

  /** 10 ms of the handler's output, mono at its output rate. */
  void write(short[] mono) {
    synchronized (packets) {
      if (outputClosed || toPhone == null) {
        return;
      }
      silentTicks = 0;
      packets.write(toPhone.process(mono), this::sendMedia);
    }
  }

  /**
   * Nothing to play: send the partial message at once, and once the burst has really ended (100 ms
   * without audio) a mark, whose echo tells when Twilio has played everything.
   */
  void silence() {
    synchronized (packets) {
      if (outputClosed) {
        return;
      }
      packets.flush(this::sendMedia);
      if (sentSinceMark && ++silentTicks >= MARK_AFTER_SILENT_TICKS) {
        String name = "fastrtc-" + ++markCounter;
        outstandingMarks.add(name);
        sentSinceMark = false;
        burstEndNanos = System.nanoTime();
        send.accept(SocketMessages.twilioMark(quotedSid, name));
      }
    }
  }

  /**
   * Twilio played up to mark {@code name}.
   *
   * @return the milliseconds since the burst's last audio left when this ends playback, else -1
   */
  long markPlayed(String name) {
    synchronized (packets) {
      if (!outstandingMarks.remove(name) || !outstandingMarks.isEmpty() || sentSinceMark) {
        return -1;
      }
      playbacksEnded++;
      return (System.nanoTime() - burstEndNanos) / 1_000_000;
    }
  }

  /** Barge-in: drop what is not sent yet and tell Twilio to drop what it is playing. */
  void flush(long droppedMillis) {
    synchronized (packets) {
      int pending = packets.discard();
      if (droppedMillis > 0 || pending > 0 || sentSinceMark || !outstandingMarks.isEmpty()) {
        send.accept(SocketMessages.twilioClear(quotedSid));
        // Twilio echoes the outstanding marks after a clear; audio sent since the last mark is
        // gone too, so there is nothing left to wait for.
        sentSinceMark = false;
      }
    }
  }

  private void sendMedia(byte[] codes) {
    send.accept(SocketMessages.twilioMedia(quotedSid, Base64.getEncoder().encodeToString(codes)));
    sentSinceMark = true;
  }

  /** Nothing is sent after this; frees the resampler. */
  void close() {
    synchronized (packets) {
      outputClosed = true;
      if (toPhone != null) {
        toPhone.close();
      }
    }
  }
}
