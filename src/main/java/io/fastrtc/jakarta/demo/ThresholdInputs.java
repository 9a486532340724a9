package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Input;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * The threshold stream's input.
 *
 * @param threshold the level, 0 to 1 of full scale, above which a sample counts as loud
 */
public record ThresholdInputs(
    @Input(label = "Threshold", defaultValue = "0.3", step = 0.01) @DecimalMin("0") @DecimalMax("1")
        double threshold) {}
