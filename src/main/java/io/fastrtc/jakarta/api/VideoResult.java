package io.fastrtc.jakarta.api;

/**
 * What a video handler returns for a frame ({@link VideoHandler#process(VideoFrame)}, {@link
 * VideoGenerator#next()}, {@link AudioVideoStreamHandler#videoEmit()}): FastRTC's {@code
 * VideoEmitType} without tuples. Either a {@link VideoFrame} to send, {@link
 * Emission#video(VideoFrame, Object...)} (a frame plus additional outputs), {@link
 * Emission#outputs(Object...)}, {@link Emission#close(String)} or {@link Emission#none()}. Audio is
 * not among them.
 */
public sealed interface VideoResult extends Emission
    permits VideoFrame, Emission.Video, Emission.Outputs, Emission.Close, Emission.Nothing {}
