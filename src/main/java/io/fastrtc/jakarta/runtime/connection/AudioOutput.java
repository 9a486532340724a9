package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.runtime.audio.Pcm;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection's outgoing audio: the buffer the handler's audio goes into (resampled to the
 * stream's output rate), the 10 ms the clock takes out of it on every tick, and the flush that
 * drops it. Written on the handler lane, read on the clock thread.
 */
final class AudioOutput {
  /** Top up the outgoing buffer when it holds less than this. */
  static final long LOW_WATER_MS = 60;

  /** Silent ticks after a burst of audio after which its playback counts as ended. */
  static final int PLAYBACK_END_TICKS = StreamHandler.PLAYBACK_END_MILLIS / 10;

  // Replaced only by useRate(), before the connection starts; read under pushLock by the clock.
  private volatile OutboundAudio outbound;
  private volatile short[] frame;
  private final Resampler.Factory resamplerFactory;
  private final RuntimeMetrics metrics;

  /** Held while a frame is read and pushed, and while a flush runs, so they never interleave. */
  private final Object pushLock = new Object();

  private final Map<Integer, Resampler> resamplers = new HashMap<>(); // handler lane only

  /** Set by a flush: the resamplers' buffered input belongs to dropped audio. */
  private volatile boolean restartResamplers;

  private long lastInputNanos; // handler lane only
  private int tickCount; // clock thread only
  private boolean burst; // clock thread only: audio was pushed since playback last ended
  private int silentTicks; // clock thread only
  private boolean playbackEnded; // clock thread only

  AudioOutput(int sampleRate, Resampler.Factory resamplerFactory, RuntimeMetrics metrics) {
    this.outbound = new OutboundAudio(sampleRate, 1);
    this.frame = new short[outbound.frameSamples()];
    this.resamplerFactory = resamplerFactory;
    this.metrics = metrics;
  }

  /**
   * Sends the audio at {@code sampleRate} instead of the stream's output rate: a transport that
   * encodes at one rate itself (WebRTC's Opus at 48 kHz) saves a second conversion, and a handler
   * that already produces that rate (an echo) needs none at all. Only before the connection starts,
   * while nothing is queued; otherwise ignored.
   */
  void useRate(int sampleRate) {
    synchronized (pushLock) {
      if (sampleRate == outbound.sampleRate() || outbound.bufferedMillis() > 0) {
        return;
      }
      OutboundAudio replaced = new OutboundAudio(sampleRate, 1);
      frame = new short[replaced.frameSamples()];
      outbound = replaced;
    }
  }

  /** The rate the audio is sent at. */
  int sampleRate() {
    return outbound.sampleRate();
  }

  /**
   * One clock tick: pushes the next 10 ms into {@code transport}, or silence when nothing is
   * buffered. Every other tick it says whether the buffer runs low, so the handler is asked for
   * more.
   *
   * @param transport where to push, or null to push nothing (not attached, or not started)
   * @return whether the handler should be asked for more audio now
   */
  boolean tick(Transport transport, long nowNanos) {
    if (transport != null) {
      long produced;
      synchronized (pushLock) {
        produced = outbound.read(frame);
        if (produced >= 0) {
          transport.pushAudio(frame, outbound.sampleRate(), 1);
        } else {
          transport.pushSilence(frame, outbound.sampleRate(), 1);
        }
      }
      if (produced >= 0) {
        metrics.frameOut();
        burst = true;
        silentTicks = 0;
      } else if (burst && ++silentTicks >= PLAYBACK_END_TICKS) {
        burst = false;
        playbackEnded = true;
      }
      if (produced > 0) {
        metrics.latencyNanos(nowNanos - produced);
      }
    }
    return (++tickCount & 1) == 0 && outbound.bufferedMillis() < LOW_WATER_MS;
  }

  /**
   * Whether a burst of audio has finished playing since the last call: the buffer ran dry after
   * audio and stayed empty for {@link #PLAYBACK_END_TICKS} ticks. Clock thread only.
   */
  boolean takePlaybackEnded() {
    boolean ended = playbackEnded;
    playbackEnded = false;
    return ended;
  }

  /** Remembers when the input being handled arrived, to measure the latency of its reply. */
  void markInput(long receivedNanos) {
    lastInputNanos = receivedNanos;
  }

  /**
   * Queues the handler's audio, mixed to mono and resampled to the output rate (a text-to-speech
   * voice's 16 kHz, say, to a WebRTC stream's 48 kHz). One streaming resampler per input rate keeps
   * consecutive chunks joined without clicks; a flush starts them afresh.
   */
  void write(AudioFrame audio) {
    if (restartResamplers) {
      restartResamplers = false;
      close();
    }
    OutboundAudio outbound = this.outbound;
    short[] mono = Pcm.toMono(audio.samples(), audio.channels());
    if (audio.sampleRate() != outbound.sampleRate()) {
      Resampler r =
          resamplers.computeIfAbsent(
              audio.sampleRate(), rate -> resamplerFactory.create(rate, outbound.sampleRate()));
      mono = r.process(mono);
    }
    outbound.write(mono, lastInputNanos != 0 ? lastInputNanos : System.nanoTime());
    lastInputNanos = 0;
  }

  /** The milliseconds of audio queued. */
  long bufferedMillis() {
    return outbound.bufferedMillis();
  }

  /**
   * Drops the queued audio, with the clock held off, and tells {@code transport} so a client that
   * buffers audio drops its queue too.
   *
   * @param transport to tell, or null when closed
   * @return the milliseconds dropped
   */
  long flush(Transport transport) {
    synchronized (pushLock) {
      long dropped = outbound.flush();
      restartResamplers = true;
      if (transport != null) {
        transport.onFlush(dropped);
      }
      return dropped;
    }
  }

  /** Frees the resamplers; on the handler lane, once the handler has shut down. */
  void close() {
    resamplers.values().forEach(Resampler::close);
    resamplers.clear();
  }
}
