package io.fastrtc.jakarta.it.iostreams;

import io.fastrtc.jakarta.api.Input;
import jakarta.validation.constraints.NotBlank;

/**
 * The asking stream's input.
 *
 * @param word any non-blank word
 */
public record WordInputs(@Input(defaultValue = "none") @NotBlank String word) {}
