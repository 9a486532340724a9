package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Input;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The assistant stream's inputs.
 *
 * @param wakeWord the word or phrase that starts a question
 */
public record AssistantInputs(
    @Input(label = "Wake word", defaultValue = "computer") @NotBlank @Size(max = 40)
        String wakeWord) {}
