package io.fastrtc.jakarta.api;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one additional output of a stream, in {@link RealtimeStream#outputs()}. The values of
 * {@link Emission#outputs(Object...)} map to the declared outputs by position.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Output {

  /** The output's name: lowercase letters, digits and dashes or underscores. */
  String name();

  /** How a UI shows it. */
  OutputKind kind() default OutputKind.VALUE;

  /** The label a UI shows; the name when empty. */
  String label() default "";
}
