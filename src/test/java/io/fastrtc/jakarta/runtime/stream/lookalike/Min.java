package io.fastrtc.jakarta.runtime.stream.lookalike;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A custom constraint that shares its simple name with {@link jakarta.validation.constraints.Min}
 * but means something else (the value is a multiple of {@link #value()}).
 */
@Documented
@Constraint(validatedBy = Min.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Min {
  /** The divisor. */
  long value();

  /** The message. */
  String message() default "must be a multiple";

  /** The groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};

  /** Checks the multiple. */
  class Validator implements ConstraintValidator<Min, Integer> {
    private long divisor = 1;

    @Override
    public void initialize(Min annotation) {
      divisor = annotation.value();
    }

    @Override
    public boolean isValid(Integer value, ConstraintValidatorContext context) {
      return value == null || value % divisor == 0;
    }
  }
}
