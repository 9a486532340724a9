package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.api.InvalidInputsException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation of inputs: whole records, and single values while a partial update is refused,
 * with the errors in the record's declaration order.
 */
final class InputValidation {
  private InputValidation() {}

  /**
   * Checks that the defaults satisfy the record's constraints.
   *
   * @throws IllegalStateException naming the record and the broken constraints
   */
  static void validateDefaults(InputRecord inputs, Validator validator, String where) {
    List<FieldError> errors = violations(inputs, validator, inputs.defaults());
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "the defaults of inputs record "
              + inputs.type().getName()
              + " break its constraints: "
              + new InvalidInputsException(errors).getMessage()
              + where);
    }
  }

  /**
   * Validates a whole value of the inputs type.
   *
   * @throws InvalidInputsException when it breaks a constraint
   * @throws IllegalArgumentException when it is not of the inputs type
   */
  static Object check(InputRecord inputs, Object value, Validator validator) {
    if (!inputs.type().isInstance(value)) {
      throw new IllegalArgumentException(
          "inputs must be a "
              + inputs.type().getName()
              + ", not "
              + (value == null ? "null" : value.getClass().getName()));
    }
    List<FieldError> errors = violations(inputs, validator, value);
    if (!errors.isEmpty()) {
      throw new InvalidInputsException(errors);
    }
    return value;
  }

  /**
   * Adds the constraints that the well-typed new values of a refused update break, so that one
   * answer lists every field, and sorts the errors in declaration order.
   *
   * @param updated whether each component was set by the update
   * @param args the converted values of the update (those in {@code errors} are not used)
   */
  static List<FieldError> withValueViolations(
      InputRecord inputs,
      Validator validator,
      boolean[] updated,
      Object[] args,
      List<FieldError> errors) {
    List<FieldError> all = new ArrayList<>(errors);
    List<InputField> fields = inputs.fields();
    for (int i = 0; i < args.length; i++) {
      String name = fields.get(i).name();
      if (updated[i] && errors.stream().noneMatch(e -> e.field().equals(name))) {
        for (ConstraintViolation<? extends Record> v :
            validator.validateValue(inputs.type(), name, args[i])) {
          all.add(new FieldError(name, v.getMessage(), v.getInvalidValue()));
        }
      }
    }
    List<String> order = order(inputs);
    all.sort(Comparator.comparingInt((FieldError e) -> order.indexOf(e.field())));
    return all;
  }

  private static List<FieldError> violations(
      InputRecord inputs, Validator validator, Object value) {
    List<String> order = order(inputs);
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

  private static List<String> order(InputRecord inputs) {
    return inputs.fields().stream().map(InputField::name).toList();
  }
}
