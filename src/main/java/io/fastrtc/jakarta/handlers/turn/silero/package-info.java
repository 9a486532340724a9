/**
 * Silero VAD v5 on ONNX Runtime: the default {@link
 * io.fastrtc.jakarta.handlers.turn.VoiceActivityModel}. The only package that imports ONNX Runtime;
 * the model file ships inside this package's resources (no download at run time).
 */
package io.fastrtc.jakarta.handlers.turn.silero;
