package io.fastrtc.jakarta.handlers.turn;

import io.fastrtc.jakarta.api.AudioEmission;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Ready-made replies for {@link ReplyFunction}: fixed emissions, or emissions made on request from
 * an iterator (FastRTC's sync generator). These publishers produce on the thread that requests,
 * which for {@link ReplyOnPause} is the handler's own; each item is made only when the outgoing
 * audio runs low, and cancelling stops the iterator (closing it when it is {@link AutoCloseable}).
 */
public final class Replies {
  private Replies() {}

  /** No reply. */
  public static Flow.Publisher<AudioEmission> none() {
    return of();
  }

  /** A reply of these emissions, in order. */
  public static Flow.Publisher<AudioEmission> of(AudioEmission... emissions) {
    List<AudioEmission> list = List.of(emissions);
    return new IteratorPublisher<>(list::iterator);
  }

  /** A reply of these emissions, in order; each subscription iterates afresh. */
  public static Flow.Publisher<AudioEmission> from(Iterable<? extends AudioEmission> emissions) {
    Objects.requireNonNull(emissions, "emissions == null");
    return new IteratorPublisher<>(emissions::iterator);
  }

  /**
   * A reply made on request from {@code emissions}: {@code next()} is called once per requested
   * item, on the requesting thread. Subscribe once.
   */
  public static Flow.Publisher<AudioEmission> from(Iterator<? extends AudioEmission> emissions) {
    Objects.requireNonNull(emissions, "emissions == null");
    return new IteratorPublisher<>(() -> emissions);
  }
}
