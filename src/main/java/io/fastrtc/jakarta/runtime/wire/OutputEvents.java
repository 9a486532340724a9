package io.fastrtc.jakarta.runtime.wire;

import io.fastrtc.jakarta.api.OutputEvent;
import jakarta.json.Json;

/** The data of the output stream's Server-Sent Events. */
public final class OutputEvents {
  private OutputEvents() {}

  /** The data of {@code event: output}: the output's values as a JSON array (JSON-B). */
  public static String data(OutputEvent event) {
    return ChannelMessages.toJson(event.values()).toString();
  }

  /** The data of {@code event: overflow}: {@code {"missed":n}}. */
  public static String overflow(long missed) {
    return Json.createObjectBuilder().add("missed", missed).build().toString();
  }
}
