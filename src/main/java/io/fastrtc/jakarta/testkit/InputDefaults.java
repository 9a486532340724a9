package io.fastrtc.jakarta.testkit;

import io.fastrtc.jakarta.api.Input;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * An inputs record holding its defaults, as the runtime makes it: the public no-argument
 * constructor when there is one, else each component's {@link Input#defaultValue()}, else zero,
 * {@code false}, the empty string or the first enum constant.
 */
final class InputDefaults {
  private InputDefaults() {}

  static <T extends Record> T of(Class<T> type) {
    try {
      for (Constructor<?> c : type.getConstructors()) {
        if (c.getParameterCount() == 0) {
          return type.cast(c.newInstance());
        }
      }
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        Input input = components[i].getAnnotation(Input.class);
        values[i] = parse(types[i], input == null ? "" : input.defaultValue());
      }
      return type.cast(type.getDeclaredConstructor(types).newInstance(values));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot make the defaults of "
              + type.getName()
              + "; give the inputs with FakeStreamContext.setInputs: "
              + e,
          e);
    }
  }

  private static Object parse(Class<?> type, String text) {
    boolean empty = text.isEmpty();
    if (type == String.class) {
      return text;
    } else if (type == int.class || type == Integer.class) {
      return empty ? 0 : Integer.valueOf(text);
    } else if (type == long.class || type == Long.class) {
      return empty ? 0L : Long.valueOf(text);
    } else if (type == double.class || type == Double.class) {
      return empty ? 0.0 : Double.valueOf(text);
    } else if (type == float.class || type == Float.class) {
      return empty ? 0f : Float.valueOf(text);
    } else if (type == boolean.class || type == Boolean.class) {
      return !empty && Boolean.parseBoolean(text);
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      for (Object constant : constants) {
        if (((Enum<?>) constant).name().equals(text)) {
          return constant;
        }
      }
      return constants[0];
    }
    throw new IllegalArgumentException("no default for a component of type " + type.getName());
  }
}
