package io.fastrtc.jakarta.runtime.stream;

import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs as the stream metadata shows them to a UI: name, label, kind, default, widget and the
 * Bean Validation constraints read from the validator's descriptors, with numeric bounds derived.
 */
final class InputMetadata {
  private static final Set<String> META_ATTRIBUTES = Set.of("message", "groups", "payload");

  private InputMetadata() {}

  /** One map per input, in declaration order. */
  static List<Map<String, Object>> describe(InputRecord inputs, Validator validator) {
    BeanDescriptor bean = validator.getConstraintsForClass(inputs.type());
    List<Map<String, Object>> out = new ArrayList<>();
    for (InputField f : inputs.fields()) {
      out.add(describe(f, f.read(inputs.defaults()), bean.getConstraintsForProperty(f.name())));
    }
    return out;
  }

  private static Map<String, Object> describe(
      InputField f, Object def, PropertyDescriptor property) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    m.put("label", f.label());
    m.put("type", f.kind().wireName());
    m.put("javaType", f.javaType().getSimpleName());
    m.put("default", def instanceof Enum<?> e ? e.name() : def);
    if (!f.description().isEmpty()) {
      m.put("description", f.description());
    }
    if (!f.options().isEmpty()) {
      m.put("options", f.options());
    }
    List<Map<String, Object>> constraints = new ArrayList<>();
    Map<String, Object> bounds = new LinkedHashMap<>();
    if (property != null) {
      for (ConstraintDescriptor<?> d : property.getConstraintDescriptors()) {
        constraints.add(constraint(d));
        ConstraintBounds.add(d.getAnnotation(), bounds);
      }
    }
    constraints.sort(Comparator.comparing(c -> String.valueOf(c.get("type"))));
    m.putAll(bounds);
    if (f.step() > 0) {
      m.put("step", f.step());
    } else if (f.kind() == InputKind.INTEGER) {
      m.put("step", 1);
    }
    m.put("widget", widget(f.kind(), bounds));
    m.put("constraints", constraints);
    return m;
  }

  private static String widget(InputKind kind, Map<String, Object> bounds) {
    return switch (kind) {
      case BOOLEAN -> "checkbox";
      case ENUM -> "select";
      case STRING -> "text";
      case INTEGER, NUMBER ->
          bounds.containsKey("min") && bounds.containsKey("max") ? "slider" : "number";
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
      return Arrays.stream(array).map(InputMetadata::jsonSafe).toList();
    }
    if (value instanceof Class<?> c) {
      return c.getName();
    }
    return value;
  }
}
