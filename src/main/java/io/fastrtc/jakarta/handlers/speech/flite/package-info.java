/**
 * Debian's {@code flite} run as a process: the {@link io.fastrtc.jakarta.api.speech.TextToSpeech}
 * named {@code flite}.
 */
package io.fastrtc.jakarta.handlers.speech.flite;
