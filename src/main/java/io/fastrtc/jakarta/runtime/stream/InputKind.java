package io.fastrtc.jakarta.runtime.stream;

import java.util.Optional;

/** What kind of value an input holds; its {@link #wireName()} is the metadata's {@code type}. */
enum InputKind {
  INTEGER("integer"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  STRING("string"),
  ENUM("enum");

  private final String wireName;

  InputKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the stream metadata, e.g. {@code integer}. */
  String wireName() {
    return wireName;
  }

  /** The kind of a record component type, or empty when inputs may not have that type. */
  static Optional<InputKind> of(Class<?> t) {
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return Optional.of(INTEGER);
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return Optional.of(NUMBER);
    }
    if (t == boolean.class || t == Boolean.class) {
      return Optional.of(BOOLEAN);
    }
    if (t == String.class) {
      return Optional.of(STRING);
    }
    return t.isEnum() ? Optional.of(ENUM) : Optional.empty();
  }
}
