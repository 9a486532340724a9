package io.fastrtc.jakarta.api;

import java.util.List;

/**
 * One additional output of one connection, as subscribers receive it.
 *
 * @param sequence 1 for the connection's first output, then 2, 3, ...; a gap means outputs were
 *     dropped (see {@link OutputSubscriber#onMissed(long)})
 * @param values the values the handler emitted, in order
 */
public record OutputEvent(long sequence, List<Object> values) {

  /** Copies the values. */
  public OutputEvent {
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }
}
