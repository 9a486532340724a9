package io.fastrtc.jakarta.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a {@link ClientPeer}; obtained through {@link ClientPeer#builder(String)}.
 *
 * @param baseUrl the stream's base URL; the offer goes to {@code <baseUrl>/webrtc/offer}
 * @param webrtcId the {@code webrtc_id} to send
 * @param iceMode how candidates are sent
 * @param direction what audio is offered
 * @param video what video is offered
 * @param videoWidth width of the sent video
 * @param videoHeight height of the sent video
 * @param fps frames per second of the sent video
 * @param videoMotion whether the sent picture pans with texture (a camera-like load)
 * @param dataChannel whether a data channel is created before the offer
 * @param dataChannelLabel the data channel's label
 * @param sendHandshake whether to send {@code "handshake"} when the channel opens (Gradio does)
 * @param receiveBuffer how much received audio is kept
 * @param bearerToken sent as {@code Authorization: Bearer <token>} on every POST, or null for none
 */
public record ClientPeerOptions(
    String baseUrl,
    String webrtcId,
    IceMode iceMode,
    MediaDirection direction,
    MediaDirection video,
    int videoWidth,
    int videoHeight,
    int fps,
    boolean videoMotion,
    boolean dataChannel,
    String dataChannelLabel,
    boolean sendHandshake,
    Duration receiveBuffer,
    String bearerToken) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Checks for nulls. */
  public ClientPeerOptions {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Objects.requireNonNull(webrtcId, "webrtcId == null");
    Objects.requireNonNull(iceMode, "iceMode == null");
    Objects.requireNonNull(direction, "direction == null");
    Objects.requireNonNull(video, "video == null");
    Objects.requireNonNull(dataChannelLabel, "dataChannelLabel == null");
    Objects.requireNonNull(receiveBuffer, "receiveBuffer == null");
  }

  /**
   * A random id in the style of FastRTC's clients ({@code Math.random().toString(36)}): ten
   * lowercase base-36 characters.
   *
   * @return a fresh id
   */
  public static String randomWebrtcId() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      id.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return id.toString();
  }

  /** Builds a {@link ClientPeer}; every setter returns this builder. */
  public static final class Builder {
    private final String baseUrl;
    private String webrtcId = randomWebrtcId();
    private IceMode iceMode = IceMode.TRICKLE;
    private MediaDirection direction = MediaDirection.SEND_RECEIVE;
    private MediaDirection video = MediaDirection.NONE;
    private int videoWidth = 320;
    private int videoHeight = 240;
    private int fps = 30;
    private boolean videoMotion;
    private boolean dataChannel = true;
    private String dataChannelLabel = "text";
    private boolean sendHandshake;
    private Duration receiveBuffer = Duration.ofSeconds(10);
    private String bearerToken;

    Builder(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    }

    /** Sets the {@code webrtc_id} (default: random). */
    public Builder webrtcId(String id) {
      this.webrtcId = id;
      return this;
    }

    /** Sets how candidates reach the server (default {@link IceMode#TRICKLE}). */
    public Builder iceMode(IceMode mode) {
      this.iceMode = mode;
      return this;
    }

    /** Sets the offered audio direction (default {@link MediaDirection#SEND_RECEIVE}). */
    public Builder direction(MediaDirection direction) {
      this.direction = direction;
      return this;
    }

    /** Sets the offered video direction (default {@link MediaDirection#NONE}). */
    public Builder video(MediaDirection video) {
      this.video = video;
      return this;
    }

    /** Sets the size and rate of the sent test pattern (default 320x240 at 30 fps). */
    public Builder videoSize(int width, int height, int framesPerSecond) {
      this.videoWidth = width;
      this.videoHeight = height;
      this.fps = framesPerSecond;
      return this;
    }

    /** Sets whether the sent picture pans with texture, like a camera (default false: still). */
    public Builder videoMotion(boolean moving) {
      this.videoMotion = moving;
      return this;
    }

    /** Sets whether to create the data channel before the offer (default true). */
    public Builder dataChannel(boolean create) {
      this.dataChannel = create;
      return this;
    }

    /** Sets the data channel label (default {@code "text"}, as FastRTC's clients). */
    public Builder dataChannelLabel(String label) {
      this.dataChannelLabel = label;
      return this;
    }

    /** Sets whether to send {@code "handshake"} when the channel opens (default false). */
    public Builder sendHandshake(boolean send) {
      this.sendHandshake = send;
      return this;
    }

    /** Sets how much received audio to keep (default 10 s). */
    public Builder receiveBuffer(Duration keep) {
      this.receiveBuffer = keep;
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>} with the offer and candidates (default none). */
    public Builder bearerToken(String token) {
      this.bearerToken = token;
      return this;
    }

    /** Returns the options as set so far. */
    public ClientPeerOptions options() {
      return new ClientPeerOptions(
          baseUrl,
          webrtcId,
          iceMode,
          direction,
          video,
          videoWidth,
          videoHeight,
          fps,
          videoMotion,
          dataChannel,
          dataChannelLabel,
          sendHandshake,
          receiveBuffer,
          bearerToken);
    }

    /**
     * Creates the native peer connection, tracks and data channel; nothing is sent yet.
     *
     * @return a client ready for {@link ClientPeer#connect()}
     * @throws IllegalStateException with {@link NativeWebRtc#INSTALL_HINT} if webrtc-java can't
     *     load
     */
    public ClientPeer build() {
      return new ClientPeer(options());
    }
  }
}
