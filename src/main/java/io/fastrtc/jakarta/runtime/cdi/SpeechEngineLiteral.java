package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.speech.SpeechEngine;
import jakarta.enterprise.util.AnnotationLiteral;

/** {@code @SpeechEngine(name)} as a value, to look an engine up by the name configuration gives. */
@SuppressWarnings("all") // an annotation literal: AnnotationLiteral gives equals and hashCode
final class SpeechEngineLiteral extends AnnotationLiteral<SpeechEngine> implements SpeechEngine {
  private static final long serialVersionUID = 1L;
  private final String name;

  SpeechEngineLiteral(String name) {
    this.name = name;
  }

  @Override
  public String value() {
    return name;
  }
}
