package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.api.InvalidInputsException.FieldError;
import io.fastrtc.jakarta.api.NoInputs;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream's additional inputs: the components of its inputs record, their defaults, conversion of
 * client values (JSON or Java) to the component types, and validation with Bean Validation. A
 * stream declared with {@link NoInputs} is untyped: it keeps whatever JSON object the client posts.
 *
 * <p>Values are immutable: a record instance, or an unmodifiable map for untyped streams. The work
 * is done by {@link InputRecord} (reflection), {@link InputCoercion} (client values), {@link
 * InputValidation} (Bean Validation) and {@link InputMetadata} (what a UI is told).
 */
public final class InputSpec {
  private static final InputSpec UNTYPED = new InputSpec(null);

  /** The inputs record, or null when untyped. */
  private final InputRecord record;

  private InputSpec(InputRecord record) {
    this.record = record;
  }

  /** The untyped spec of a stream without an inputs record. */
  static InputSpec untyped() {
    return UNTYPED;
  }

  /**
   * Reads an inputs record: its components, labels and defaults.
   *
   * @param where appended to error messages, e.g. {@code " (stream bean com.x.Tone)"}
   * @throws IllegalStateException when the record cannot serve as inputs
   */
  static InputSpec of(Class<? extends Record> type, String where) {
    if (type == null || type == NoInputs.class) {
      return untyped();
    }
    return new InputSpec(InputRecord.read(type, where));
  }

  /** Whether the stream declares an inputs record. */
  public boolean isTyped() {
    return record != null;
  }

  /** The inputs record type, or {@link NoInputs}. */
  public Class<? extends Record> type() {
    return isTyped() ? record.type() : NoInputs.class;
  }

  /** The inputs, in declaration order; empty when untyped. */
  List<InputField> fields() {
    return isTyped() ? record.fields() : List.of();
  }

  /** The value a new connection starts with: the defaults record, or an empty map. */
  public Object defaults() {
    return isTyped() ? record.defaults() : Map.of();
  }

  /**
   * Checks that the defaults satisfy the record's constraints.
   *
   * @throws IllegalStateException naming the record and the broken constraints
   */
  void validateDefaults(Validator validator, String where) {
    if (isTyped()) {
      InputValidation.validateDefaults(record, validator, where);
    }
  }

  /** A value as a map by name, in declaration order. */
  public Map<String, Object> toMap(Object value) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      return m;
    }
    return isTyped() ? record.toMap(value) : Collections.unmodifiableMap(new LinkedHashMap<>());
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
      values.forEach((k, v) -> m.put(k, InputCoercion.toJava(v)));
      return Collections.unmodifiableMap(m);
    }
    List<InputField> fields = record.fields();
    Object[] args = new Object[fields.size()];
    boolean[] updated = new boolean[args.length];
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      InputField f = fields.get(i);
      updated[i] = values.containsKey(f.name());
      if (!updated[i]) {
        args[i] = f.read(current);
        continue;
      }
      Object raw = values.get(f.name());
      try {
        args[i] = InputCoercion.convert(f, raw);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(f.name(), e.getMessage(), InputCoercion.toJava(raw)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputsException(
          InputValidation.withValueViolations(record, validator, updated, args, errors));
    }
    Object value;
    try {
      value = record.create(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidInputsException(
          List.of(new FieldError("", String.valueOf(cause.getMessage()), null)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + record.type().getName(), e);
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
    if (!isTyped()) {
      // An untyped stream's record type is NoInputs, which has no constraints.
      if (value instanceof NoInputs) {
        return value;
      }
      throw new IllegalArgumentException(
          "inputs must be a "
              + NoInputs.class.getName()
              + ", not "
              + (value == null ? "null" : value.getClass().getName()));
    }
    return InputValidation.check(record, value, validator);
  }

  /**
   * The inputs for the stream metadata: name, label, kind, default, UI widget and the Bean
   * Validation constraints read from the validator's descriptors, with numeric bounds derived.
   */
  public List<Map<String, Object>> describe(Validator validator) {
    return isTyped() ? InputMetadata.describe(record, validator) : List.of();
  }
}
