package io.fastrtc.jakarta.runtime;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One component of a stream's inputs record, as the runtime and the metadata see it.
 *
 * @param name the component name, also the JSON field name
 * @param javaType the component type
 * @param kind {@code number}, {@code integer}, {@code boolean}, {@code string} or {@code enum}
 * @param label the UI label
 * @param step the UI step, 0 when unset
 * @param description one line of help, or empty
 * @param options the constant names of an enum, else empty
 * @param accessor the record accessor
 */
public record InputField(
    String name,
    Class<?> javaType,
    String kind,
    String label,
    double step,
    String description,
    List<String> options,
    Method accessor) {

  /** Copies the options. */
  public InputField {
    options = List.copyOf(options);
  }

  /** Whether the type admits null (a boxed type or a string). */
  boolean nullable() {
    return !javaType.isPrimitive();
  }
}
