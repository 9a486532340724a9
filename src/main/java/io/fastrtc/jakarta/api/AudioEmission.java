package io.fastrtc.jakarta.api;

/**
 * What an audio handler's {@link StreamHandler#emit()} returns: {@link Emission#audio(AudioFrame)},
 * {@link Emission#outputs(Object...)}, {@link Emission#close(String)} or {@link Emission#none()}.
 * Video is not among them, so an audio handler cannot return a frame the runtime would have to
 * drop: the compiler refuses it.
 */
public sealed interface AudioEmission extends Emission
    permits Emission.Audio, Emission.Outputs, Emission.Close, Emission.Nothing {}
