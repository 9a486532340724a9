package io.fastrtc.jakarta.api;

/**
 * What a video handler returns for a frame: FastRTC's {@code VideoEmitType} without tuples. Either
 * a {@link VideoFrame} to send, or an {@link Emission}: {@link Emission#video(VideoFrame,
 * Object...)} (a frame plus additional outputs), {@link Emission#outputs(Object...)}, {@link
 * Emission#close(String)} or {@link Emission#none()}.
 */
public sealed interface VideoResult permits VideoFrame, Emission {}
