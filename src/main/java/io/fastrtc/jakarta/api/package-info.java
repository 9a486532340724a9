/**
 * The public API: what an application implements ({@link io.fastrtc.jakarta.api.StreamHandler} for
 * audio, {@link io.fastrtc.jakarta.api.VideoHandler} and {@link
 * io.fastrtc.jakarta.api.VideoGenerator} for video, {@link
 * io.fastrtc.jakarta.api.AudioVideoStreamHandler} for both) and what it receives ({@link
 * io.fastrtc.jakarta.api.AudioFrame}, {@link io.fastrtc.jakarta.api.VideoFrame}, {@link
 * io.fastrtc.jakarta.api.StreamContext}). Nothing here depends on a transport.
 *
 * <pre>{@code
 * @RealtimeStream(name = "echo", modality = Modality.AUDIO, mode = Mode.SEND_RECEIVE)
 * @Dependent
 * public class Echo implements StreamHandler {
 *   private final Queue<AudioFrame> pending = new ConcurrentLinkedQueue<>();
 *   public void receive(AudioFrame frame) { pending.add(frame); }
 *   public AudioEmission emit() {
 *     AudioFrame next = pending.poll();
 *     return next == null ? Emission.none() : Emission.audio(next);
 *   }
 * }
 * }</pre>
 */
package io.fastrtc.jakarta.api;
