package io.fastrtc.jakarta.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts {@link RealtimeStream} beans in a named group that configuration switches on or off as a
 * whole with {@code fastrtc.<group>.enabled}. Placed on a package (in its {@code
 * package-info.java}) it groups every stream of that package; placed on a stream class it overrides
 * the package's.
 *
 * <p>A stream is on when {@code fastrtc.stream.<name>.enabled} says so; when that key is not set, a
 * grouped stream follows {@code fastrtc.<group>.enabled}, or {@link #enabledByDefault()} when that
 * key is not set either. A stream in no group is on unless its own key turns it off.
 *
 * <p>For example, a package of sample streams that an application serves only when it sets {@code
 * fastrtc.samples.enabled=true} (the bundled demo streams are declared this way, in the group
 * {@code demo}):
 *
 * <pre>{@code
 * @StreamGroup(value = "samples", enabledByDefault = false)
 * package com.example.samples;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface StreamGroup {

  /**
   * The group's name: lowercase letters, digits and dashes, as in {@code fastrtc.<name>.enabled}.
   */
  String value();

  /** Whether the group's streams are on when {@code fastrtc.<group>.enabled} is not set. */
  boolean enabledByDefault() default true;
}
