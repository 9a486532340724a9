package io.fastrtc.jakarta.runtime.stream;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conversion of client values (JSON or Java) to the types of an inputs record's components. */
final class InputCoercion {
  private InputCoercion() {}

  /**
   * Converts one client value to a component's type.
   *
   * @throws IllegalArgumentException whose message completes "field ...", e.g. "must be a number"
   */
  static Object convert(InputField f, Object raw) {
    Object v = toJava(raw);
    if (v == null) {
      if (f.nullable()) {
        return null;
      }
      throw new IllegalArgumentException("must not be null");
    }
    Class<?> t = f.javaType();
    return switch (f.kind()) {
      case INTEGER -> integer(v, t);
      case NUMBER -> {
        double d = number(v, "must be a number").doubleValue();
        yield t == float.class || t == Float.class ? (Object) (float) d : (Object) d;
      }
      case BOOLEAN -> bool(v);
      case STRING -> {
        if (v instanceof String s) {
          yield s;
        }
        throw new IllegalArgumentException("must be a string");
      }
      case ENUM -> constant(f, v);
    };
  }

  /** Text of an {@code @Input(defaultValue)}: JSON where it parses, else the text itself. */
  static Object fromDefault(InputField f, String text) {
    return convert(f, f.javaType() == String.class ? text : parseLoose(text));
  }

  private static Object integer(Object v, Class<?> t) {
    BigDecimal n = number(v, "must be an integer");
    try {
      long l = n.stripTrailingZeros().longValueExact();
      if (t == int.class || t == Integer.class) {
        return Math.toIntExact(l);
      }
      return l;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("must be an integer in range", e);
    }
  }

  private static Object bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.valueOf((String) v);
    }
    throw new IllegalArgumentException("must be true or false");
  }

  private static Object constant(InputField f, Object v) {
    String name = v instanceof Enum<?> e ? e.name() : v instanceof String s ? s : null;
    for (Object constant : f.javaType().getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("must be one of " + f.options());
  }

  private static BigDecimal number(Object v, String message) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw new IllegalArgumentException(message);
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(message, e);
      }
    }
    throw new IllegalArgumentException(message);
  }

  private static Object parseLoose(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return toJava(reader.readValue());
    } catch (RuntimeException e) {
      return text;
    }
  }

  /** A JSON value as a plain Java value (BigDecimal, String, Boolean, List, Map, null). */
  static Object toJava(Object raw) {
    if (!(raw instanceof JsonValue json)) {
      return raw;
    }
    return switch (json.getValueType()) {
      case NULL -> null;
      case TRUE -> true;
      case FALSE -> false;
      case NUMBER -> ((JsonNumber) json).bigDecimalValue();
      case STRING -> ((JsonString) json).getString();
      case ARRAY -> json.asJsonArray().stream().map(InputCoercion::toJava).toList();
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        json.asJsonObject().forEach((k, x) -> m.put(k, toJava(x)));
        yield Collections.unmodifiableMap(m);
      }
    };
  }
}
