package io.fastrtc.jakarta.runtime.audio;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns the clock's 10 ms frames into µ-law packets of a fixed duration for a message-based
 * transport (e.g. 40 ms per WebSocket message, 20 ms per Twilio message). A partly filled packet
 * can be sent early (the burst ended) or dropped (the handler flushed). Not thread-safe.
 */
public final class MuLawPacketizer {
  private final byte[] packet;
  private int filled;

  /**
   * @param packetSamples samples per full packet
   */
  public MuLawPacketizer(int packetSamples) {
    if (packetSamples <= 0) {
      throw new IllegalArgumentException("packetSamples must be positive: " + packetSamples);
    }
    this.packet = new byte[packetSamples];
  }

  /** Encodes {@code samples} and hands every completed packet (a fresh array) to {@code sink}. */
  public void write(short[] samples, Consumer<byte[]> sink) {
    int offset = 0;
    while (offset < samples.length) {
      int n = Math.min(packet.length - filled, samples.length - offset);
      for (int i = 0; i < n; i++) {
        packet[filled + i] = MuLaw.encode(samples[offset + i]);
      }
      filled += n;
      offset += n;
      if (filled == packet.length) {
        sink.accept(packet.clone());
        filled = 0;
      }
    }
  }

  /** Hands the partly filled packet, if any, to {@code sink}. */
  public void flush(Consumer<byte[]> sink) {
    if (filled > 0) {
      sink.accept(Arrays.copyOf(packet, filled));
      filled = 0;
    }
  }

  /** Drops the partly filled packet; returns the samples dropped. */
  public int discard() {
    int dropped = filled;
    filled = 0;
    return dropped;
  }

  /** Samples waiting for the next packet. */
  public int pending() {
    return filled;
  }
}
