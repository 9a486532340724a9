package io.fastrtc.jakarta.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * New input values were refused: a value has the wrong type or breaks a constraint. The connection
 * keeps its previous values.
 */
public class InvalidInputsException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** The fields in error, in declaration order. */
  private final List<FieldError> errors;

  /**
   * One refused field.
   *
   * @param field the input's name
   * @param message why, e.g. {@code "must be less than or equal to 1"}
   * @param rejected the refused value, as received (may be null)
   */
  public record FieldError(String field, String message, Object rejected) {}

  /** Creates the exception with at least one field error. */
  public InvalidInputsException(List<FieldError> errors) {
    super(
        "invalid inputs: "
            + errors.stream()
                .map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** The fields in error. */
  public List<FieldError> errors() {
    return errors;
  }
}
