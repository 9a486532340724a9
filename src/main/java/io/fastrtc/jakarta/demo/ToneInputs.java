package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Input;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The tone stream's inputs.
 *
 * @param frequency the tone's frequency in Hz
 * @param gain the tone's peak level, 0 to 1 of full scale
 */
public record ToneInputs(
    @Input(label = "Frequency (Hz)", defaultValue = "660", step = 10) @Min(100) @Max(2000)
        int frequency,
    @Input(label = "Gain", defaultValue = "0.3", step = 0.01) @DecimalMin("0") @DecimalMax("1")
        double gain) {}
