package io.fastrtc.jakarta.runtime.stream;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One component of a stream's inputs record, as the runtime and the metadata see it.
 *
 * @param name the component name, also the JSON field name
 * @param javaType the component type
 * @param kind what kind of value it holds
 * @param label the UI label
 * @param step the UI step, 0 when unset
 * @param description one line of help, or empty
 * @param options the constant names of an enum, else empty
 * @param accessor the record accessor
 */
record InputField(
    String name,
    Class<?> javaType,
    InputKind kind,
    String label,
    double step,
    String description,
    List<String> options,
    Method accessor) {

  /** Copies the options. */
  InputField {
    options = List.copyOf(options);
  }

  /** Whether the type admits null (a boxed type or a string). */
  boolean nullable() {
    return !javaType.isPrimitive();
  }

  /** This input's value in a record of the inputs type. */
  Object read(Object record) {
    try {
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read input " + name, e);
    }
  }
}
