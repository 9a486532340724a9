package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.api.Input;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reflection over an inputs record: its components as {@link InputField}s, its canonical
 * constructor and its defaults (the no-argument constructor, else {@link Input#defaultValue()},
 * else zeros).
 */
final class InputRecord {
  private final Class<? extends Record> type;
  private final List<InputField> fields;
  private final Constructor<? extends Record> canonical;
  private final Object defaults;

  private InputRecord(Class<? extends Record> type, RecordComponent[] components, String at) {
    this.type = type;
    List<InputField> list = new ArrayList<>();
    for (RecordComponent c : components) {
      list.add(field(c, at));
    }
    this.fields = List.copyOf(list);
    try {
      canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      canonical.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalStateException("cannot use the canonical constructor" + at + ": " + e, e);
    }
    this.defaults = readDefaults(components, at);
  }

  /**
   * Reads an inputs record.
   *
   * @param where appended to error messages, e.g. {@code " (stream bean com.x.Tone)"}
   * @throws IllegalStateException when the record cannot serve as inputs
   */
  static InputRecord read(Class<? extends Record> type, String where) {
    String at = " in inputs record " + type.getName() + where;
    if (!type.isRecord()) {
      throw new IllegalStateException("inputs must be a record" + at);
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new IllegalStateException("the inputs record must be public" + at);
    }
    return new InputRecord(type, type.getRecordComponents(), at);
  }

  private static InputField field(RecordComponent c, String at) {
    Class<?> t = c.getType();
    InputKind kind =
        InputKind.of(t)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "input \""
                            + c.getName()
                            + "\" has type "
                            + t.getName()
                            + "; inputs may be int, long, double, float, boolean, their boxes,"
                            + " String or an enum"
                            + at));
    List<String> options =
        kind == InputKind.ENUM
            ? Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList()
            : List.of();
    Input a = c.getAnnotation(Input.class);
    String label = a == null || a.label().isEmpty() ? c.getName() : a.label();
    double step = a == null ? 0 : a.step();
    if (step < 0 || Double.isNaN(step)) {
      throw new IllegalStateException("input \"" + c.getName() + "\" has a negative step" + at);
    }
    return new InputField(
        c.getName(),
        t,
        kind,
        label,
        step,
        a == null ? "" : a.description(),
        options,
        c.getAccessor());
  }

  private Object readDefaults(RecordComponent[] components, String at) {
    try {
      Constructor<? extends Record> noArgs = type.getConstructor();
      return noArgs.newInstance();
    } catch (NoSuchMethodException e) {
      // No no-arg constructor: fall back to @Input(defaultValue) and zeros.
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "the no-argument constructor failed" + at + ": " + cause(e), e);
    }
    Object[] args = new Object[fields.size()];
    for (int i = 0; i < args.length; i++) {
      InputField f = fields.get(i);
      Input a = components[i].getAnnotation(Input.class);
      String text = a == null ? "" : a.defaultValue();
      if (text.isEmpty()) {
        args[i] = zero(f.javaType());
        continue;
      }
      try {
        args[i] = InputCoercion.fromDefault(f, text);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "the default \"" + text + "\" of input \"" + f.name() + "\" " + e.getMessage() + at, e);
      }
    }
    try {
      return canonical.newInstance(args);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "the defaults are refused by the constructor" + at + ": " + cause(e), e);
    }
  }

  private static Throwable cause(Exception e) {
    return e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
  }

  private static Object zero(Class<?> t) {
    if (!t.isPrimitive()) {
      return t == String.class ? "" : t.isEnum() ? t.getEnumConstants()[0] : null;
    }
    if (t == boolean.class) {
      return false;
    }
    if (t == int.class) {
      return 0;
    }
    if (t == long.class) {
      return 0L;
    }
    return t == float.class ? 0f : (Object) 0d;
  }

  /** The record type. */
  Class<? extends Record> type() {
    return type;
  }

  /** The components, in declaration order. */
  List<InputField> fields() {
    return fields;
  }

  /** The defaults record. */
  Object defaults() {
    return defaults;
  }

  /** A new record from its components' values, in declaration order. */
  Object create(Object[] args) throws ReflectiveOperationException {
    return canonical.newInstance(args);
  }

  /** A record's values by name, in declaration order. */
  Map<String, Object> toMap(Object record) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (InputField f : fields) {
      m.put(f.name(), f.read(record));
    }
    return Collections.unmodifiableMap(m);
  }
}
