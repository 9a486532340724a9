package io.fastrtc.jakarta.runtime.stream;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The UI hints of the built-in Bean Validation constraints ({@code min}, {@code max}, {@code
 * minLength}, {@code required}, ...), recognised by their annotation types; other constraints,
 * including custom ones of the same simple name, give none.
 */
final class ConstraintBounds {
  private ConstraintBounds() {}

  /** Adds the hints of one constraint annotation to {@code bounds}. */
  static void add(Annotation constraint, Map<String, Object> bounds) {
    if (constraint instanceof Min a) {
      bounds.put("min", a.value());
    } else if (constraint instanceof Max a) {
      bounds.put("max", a.value());
    } else if (constraint instanceof DecimalMin a) {
      bounds.put("min", new BigDecimal(a.value()));
      if (!a.inclusive()) {
        bounds.put("minExclusive", true);
      }
    } else if (constraint instanceof DecimalMax a) {
      bounds.put("max", new BigDecimal(a.value()));
      if (!a.inclusive()) {
        bounds.put("maxExclusive", true);
      }
    } else if (constraint instanceof Positive) {
      bounds.put("min", 0);
      bounds.put("minExclusive", true);
    } else if (constraint instanceof PositiveOrZero) {
      bounds.put("min", 0);
    } else if (constraint instanceof Negative) {
      bounds.put("max", 0);
      bounds.put("maxExclusive", true);
    } else if (constraint instanceof NegativeOrZero) {
      bounds.put("max", 0);
    } else if (constraint instanceof Size a) {
      bounds.put("minLength", a.min());
      bounds.put("maxLength", a.max());
    } else if (constraint instanceof NotNull
        || constraint instanceof NotBlank
        || constraint instanceof NotEmpty) {
      bounds.put("required", true);
    } else if (constraint instanceof Pattern a) {
      bounds.put("pattern", a.regexp());
    }
  }
}
