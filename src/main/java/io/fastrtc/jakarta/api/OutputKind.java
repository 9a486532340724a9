package io.fastrtc.jakarta.api;

/** How a UI shows an additional output; the counterpart of FastRTC's output components. */
public enum OutputKind {
  /** A value that each new output replaces, e.g. a level or a score. */
  VALUE("value"),
  /** Text lines that each new output appends to, e.g. a transcript. */
  LOG("log"),
  /** Any JSON value, shown formatted and replaced by each new output. */
  JSON("json");

  private final String wireName;

  OutputKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the stream metadata, e.g. {@code "value"}. */
  public String wireName() {
    return wireName;
  }
}
