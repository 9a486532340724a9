package io.fastrtc.jakarta.it.embedded;

import io.fastrtc.jakarta.api.Input;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * The user's inputs.
 *
 * @param volume how loud the echo is, 0 to 2
 */
public record VolumeInputs(
    @Input(label = "Volume", defaultValue = "1") @DecimalMin("0") @DecimalMax("2") double volume) {}
