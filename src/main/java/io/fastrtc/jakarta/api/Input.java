package io.fastrtc.jakarta.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a stream's inputs record: its label and default. Constraints are
 * ordinary Bean Validation annotations on the same component.
 *
 * <pre>{@code
 * public record ToneInputs(
 *     @Input(label = "Frequency (Hz)", defaultValue = "660") @Min(100) @Max(2000) int frequency,
 *     @Input(label = "Gain", defaultValue = "0.3", step = 0.01)
 *         @DecimalMin("0") @DecimalMax("1") double gain) {}
 * }</pre>
 *
 * <p>Defaults come from the record's public no-argument constructor when it has one, else from
 * {@link #defaultValue()}, else zero, {@code false}, the empty string or the first enum constant.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Input {

  /** The label a UI shows; the component name when empty. */
  String label() default "";

  /**
   * The default as text, parsed like a JSON value of the component's type (e.g. {@code "0.3"},
   * {@code "true"}, {@code "FAST"}, {@code "hello"}). Empty means the type's zero.
   */
  String defaultValue() default "";

  /** The step a slider or number field uses; 0 lets the UI choose (1 for integers). */
  double step() default 0;

  /** One line of help a UI may show. */
  String description() default "";
}
