package io.fastrtc.jakarta.runtime;

import io.fastrtc.jakarta.api.Input;
import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.api.InvalidInputsException.FieldError;
import io.fastrtc.jakarta.api.NoInputs;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stream's additional inputs: the components of its inputs record, their defaults, conversion of
 * client values (JSON or Java) to the component types, and validation with Bean Validation. A
 * stream declared with {@link NoInputs} is untyped: it keeps whatever JSON object the client posts.
 *
 * <p>Values are immutable: a record instance, or an unmodifiable map for untyped streams.
 */
public final class InputSpec {
  private static final Set<String> META_ATTRIBUTES = Set.of("message", "groups", "payload");

  private final Class<? extends Record> type;
  private final List<InputField> fields;
  private final Constructor<? extends Record> canonical;
  private final Object defaults;

  private InputSpec(
      Class<? extends Record> type,
      List<InputField> fields,
      Constructor<? extends Record> canonical,
      Object defaults) {
    this.type = type;
    this.fields = fields;
    this.canonical = canonical;
    this.defaults = defaults;
  }

  /** The untyped spec of a stream without an inputs record. */
  public static InputSpec untyped() {
    return new InputSpec(NoInputs.class, List.of(), null, Map.of());
  }

  /**
   * Reads an inputs record: its components, labels and defaults.
   *
   * @param where appended to error messages, e.g. {@code " (stream bean com.x.Tone)"}
   * @throws IllegalStateException when the record cannot serve as inputs
   */
  public static InputSpec of(Class<? extends Record> type, String where) {
    if (type == null || type == NoInputs.class) {
      return untyped();
    }
    String at = " in inputs record " + type.getName() + where;
    if (!type.isRecord()) {
      throw new IllegalStateException("inputs must be a record" + at);
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new IllegalStateException("the inputs record must be public" + at);
    }
    RecordComponent[] components = type.getRecordComponents();
    List<InputField> fields = new ArrayList<>();
    for (RecordComponent c : components) {
      fields.add(field(c, at));
    }
    Constructor<? extends Record> canonical;
    try {
      canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      canonical.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalStateException("cannot use the canonical constructor" + at + ": " + e, e);
    }
    InputSpec shape = new InputSpec(type, List.copyOf(fields), canonical, null);
    return new InputSpec(type, shape.fields, canonical, shape.readDefaults(components, at));
  }

  private static InputField field(RecordComponent c, String at) {
    Class<?> t = c.getType();
    String kind;
    List<String> options = List.of();
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      kind = "integer";
    } else if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      kind = "number";
    } else if (t == boolean.class || t == Boolean.class) {
      kind = "boolean";
    } else if (t == String.class) {
      kind = "string";
    } else if (t.isEnum()) {
      kind = "enum";
      options = Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    } else {
      throw new IllegalStateException(
          "input \""
              + c.getName()
              + "\" has type "
              + t.getName()
              + "; inputs may be int, long, double, float, boolean, their boxes, String or an enum"
              + at);
    }
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
      Throwable cause =
          e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("the no-argument constructor failed" + at + ": " + cause, e);
    }
    Object[] args = new Object[fields.size()];
    for (int i = 0; i < args.length; i++) {
      InputField f = fields.get(i);
      Input a = components[i].getAnnotation(Input.class);
      String text = a == null ? "" : a.defaultValue();
      if (text.isEmpty()) {
        args[i] = zero(f);
        continue;
      }
      try {
        args[i] = convert(f, f.javaType() == String.class ? text : parseLoose(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "the default \"" + text + "\" of input \"" + f.name() + "\" " + e.getMessage() + at, e);
      }
    }
    try {
      return canonical.newInstance(args);
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause =
          e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "the defaults are refused by the constructor" + at + ": " + cause, e);
    }
  }

  private static Object zero(InputField f) {
    Class<?> t = f.javaType();
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

  /** Whether the stream declares an inputs record. */
  public boolean isTyped() {
    return canonical != null;
  }

  /** The inputs record type, or {@link NoInputs}. */
  public Class<? extends Record> type() {
    return type;
  }

  /** The inputs, in declaration order; empty when untyped. */
  public List<InputField> fields() {
    return fields;
  }

  /** The value a new connection starts with: the defaults record, or an empty map. */
  public Object defaults() {
    return defaults;
  }

  /**
   * Checks that the defaults satisfy the record's constraints.
   *
   * @throws IllegalStateException naming the record and the broken constraints
   */
  public void validateDefaults(Validator validator, String where) {
    if (!isTyped()) {
      return;
    }
    List<FieldError> errors = violations(validator, defaults);
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "the defaults of inputs record "
              + type.getName()
              + " break its constraints: "
              + new InvalidInputsException(errors).getMessage()
              + where);
    }
  }

  /** A value as a map by name, in declaration order. */
  public Map<String, Object> toMap(Object value) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      return m;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (InputField f : fields) {
      m.put(f.name(), read(f, value));
    }
    return Collections.unmodifiableMap(m);
  }

  private static Object read(InputField f, Object record) {
    try {
      return f.accessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read input " + f.name(), e);
    }
  }

  /**
   * Merges new values over the current ones and validates the result.
   *
   * @param values Java or JSON values by name; names the record does not declare are ignored
   * @return the new value
   * @throws InvalidInputsException listing every refused field
   */
  public Object merge(Object current, Map<String, ?> values, Validator validator) {
    if (!isTyped()) {
      Map<String, Object> m = new LinkedHashMap<>(toMap(current));
      values.forEach((k, v) -> m.put(k, toJava(v)));
      return Collections.unmodifiableMap(m);
    }
    Object[] args = new Object[fields.size()];
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      InputField f = fields.get(i);
      if (!values.containsKey(f.name())) {
        args[i] = read(f, current);
        continue;
      }
      Object raw = values.get(f.name());
      try {
        args[i] = convert(f, raw);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(f.name(), e.getMessage(), toJava(raw)));
      }
    }
    if (!errors.isEmpty()) {
      // Also report the constraints the well-typed values break, so one answer lists every field.
      for (int i = 0; i < args.length; i++) {
        InputField f = fields.get(i);
        if (values.containsKey(f.name())
            && errors.stream().noneMatch(e -> e.field().equals(f.name()))) {
          for (ConstraintViolation<? extends Record> v :
              validator.validateValue(type, f.name(), args[i])) {
            errors.add(new FieldError(f.name(), v.getMessage(), v.getInvalidValue()));
          }
        }
      }
      List<String> order = fields.stream().map(InputField::name).toList();
      errors.sort(Comparator.comparingInt((FieldError e) -> order.indexOf(e.field())));
      throw new InvalidInputsException(errors);
    }
    Object value;
    try {
      value = canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidInputsException(
          List.of(new FieldError("", String.valueOf(cause.getMessage()), null)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
    return check(value, validator);
  }

  /**
   * Validates a whole value of the inputs type.
   *
   * @throws InvalidInputsException when it breaks a constraint
   * @throws IllegalArgumentException when it is not of the inputs type
   */
  public Object check(Object value, Validator validator) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "inputs must be a "
              + type.getName()
              + ", not "
              + (value == null ? "null" : value.getClass().getName()));
    }
    List<FieldError> errors = violations(validator, value);
    if (!errors.isEmpty()) {
      throw new InvalidInputsException(errors);
    }
    return value;
  }

  private List<FieldError> violations(Validator validator, Object value) {
    List<String> order = fields.stream().map(InputField::name).toList();
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<Object> v : validator.validate(value)) {
      errors.add(
          new FieldError(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue()));
    }
    errors.sort(
        Comparator.comparingInt((FieldError e) -> order.indexOf(e.field()))
            .thenComparing(FieldError::message));
    return errors;
  }

  /**
   * Converts one client value to a component's type.
   *
   * @throws IllegalArgumentException whose message completes "field ...", e.g. "must be a number"
   */
  static Object convert(InputField f, Object raw) {
    Object v = toJava(raw);
    Class<?> t = f.javaType();
    if (v == null) {
      if (f.nullable()) {
        return null;
      }
      throw new IllegalArgumentException("must not be null");
    }
    switch (f.kind()) {
      case "integer" -> {
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
      case "number" -> {
        double d = number(v, "must be a number").doubleValue();
        if (t == float.class || t == Float.class) {
          return (float) d;
        }
        return d;
      }
      case "boolean" -> {
        if (v instanceof Boolean b) {
          return b;
        }
        if ("true".equals(v) || "false".equals(v)) {
          return Boolean.valueOf((String) v);
        }
        throw new IllegalArgumentException("must be true or false");
      }
      case "string" -> {
        if (v instanceof String s) {
          return s;
        }
        throw new IllegalArgumentException("must be a string");
      }
      case "enum" -> {
        String name = v instanceof Enum<?> e ? e.name() : v instanceof String s ? s : null;
        for (Object constant : t.getEnumConstants()) {
          if (((Enum<?>) constant).name().equals(name)) {
            return constant;
          }
        }
        throw new IllegalArgumentException("must be one of " + f.options());
      }
      default -> throw new IllegalStateException("unknown kind " + f.kind());
    }
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
      case ARRAY -> json.asJsonArray().stream().map(InputSpec::toJava).toList();
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        json.asJsonObject().forEach((k, x) -> m.put(k, toJava(x)));
        yield Collections.unmodifiableMap(m);
      }
    };
  }

  /**
   * The inputs for the stream metadata: name, label, kind, default, UI widget and the Bean
   * Validation constraints read from the validator's descriptors, with numeric bounds derived.
   */
  public List<Map<String, Object>> describe(Validator validator) {
    if (!isTyped()) {
      return List.of();
    }
    BeanDescriptor bean = validator.getConstraintsForClass(type);
    List<Map<String, Object>> out = new ArrayList<>();
    for (InputField f : fields) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("label", f.label());
      m.put("type", f.kind());
      m.put("javaType", f.javaType().getSimpleName());
      Object def = read(f, defaults);
      m.put("default", def instanceof Enum<?> e ? e.name() : def);
      if (!f.description().isEmpty()) {
        m.put("description", f.description());
      }
      if (!f.options().isEmpty()) {
        m.put("options", f.options());
      }
      List<Map<String, Object>> constraints = new ArrayList<>();
      Map<String, Object> bounds = new LinkedHashMap<>();
      PropertyDescriptor property = bean.getConstraintsForProperty(f.name());
      if (property != null) {
        for (ConstraintDescriptor<?> d : property.getConstraintDescriptors()) {
          constraints.add(constraint(d));
          bounds(d, bounds);
        }
      }
      constraints.sort(Comparator.comparing(c -> String.valueOf(c.get("type"))));
      m.putAll(bounds);
      if (f.step() > 0) {
        m.put("step", f.step());
      } else if (f.kind().equals("integer")) {
        m.put("step", 1);
      }
      m.put("widget", widget(f, bounds));
      m.put("constraints", constraints);
      out.add(m);
    }
    return out;
  }

  private static String widget(InputField f, Map<String, Object> bounds) {
    return switch (f.kind()) {
      case "boolean" -> "checkbox";
      case "enum" -> "select";
      case "string" -> "text";
      default -> bounds.containsKey("min") && bounds.containsKey("max") ? "slider" : "number";
    };
  }

  private static Map<String, Object> constraint(ConstraintDescriptor<?> d) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", d.getAnnotation().annotationType().getSimpleName());
    d.getAttributes().entrySet().stream()
        .filter(e -> !META_ATTRIBUTES.contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> c.put(e.getKey(), jsonSafe(e.getValue())));
    return c;
  }

  private static Object jsonSafe(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(InputSpec::jsonSafe).toList();
    }
    if (value instanceof Class<?> c) {
      return c.getName();
    }
    return value;
  }

  private static void bounds(ConstraintDescriptor<?> d, Map<String, Object> bounds) {
    Map<String, Object> a = d.getAttributes();
    switch (d.getAnnotation().annotationType().getSimpleName()) {
      case "Min" -> bounds.put("min", a.get("value"));
      case "Max" -> bounds.put("max", a.get("value"));
      case "DecimalMin" -> {
        bounds.put("min", new BigDecimal((String) a.get("value")));
        if (Boolean.FALSE.equals(a.get("inclusive"))) {
          bounds.put("minExclusive", true);
        }
      }
      case "DecimalMax" -> {
        bounds.put("max", new BigDecimal((String) a.get("value")));
        if (Boolean.FALSE.equals(a.get("inclusive"))) {
          bounds.put("maxExclusive", true);
        }
      }
      case "Positive" -> {
        bounds.put("min", 0);
        bounds.put("minExclusive", true);
      }
      case "PositiveOrZero" -> bounds.put("min", 0);
      case "Negative" -> {
        bounds.put("max", 0);
        bounds.put("maxExclusive", true);
      }
      case "NegativeOrZero" -> bounds.put("max", 0);
      case "Size" -> {
        bounds.put("minLength", a.get("min"));
        bounds.put("maxLength", a.get("max"));
      }
      case "NotNull", "NotBlank", "NotEmpty" -> bounds.put("required", true);
      case "Pattern" -> bounds.put("pattern", a.get("regexp"));
      default -> {}
    }
  }
}
