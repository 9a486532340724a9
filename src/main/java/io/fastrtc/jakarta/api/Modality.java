package io.fastrtc.jakarta.api;

/** What kind of media a stream carries. FastRTC's {@code modality}. */
public enum Modality {
  /** Audio only. */
  AUDIO("audio"),
  /** Video only. */
  VIDEO("video"),
  /** Audio and video together. */
  AUDIO_VIDEO("audio-video");

  private final String wireName;

  Modality(String wireName) {
    this.wireName = wireName;
  }

  /** Whether streams of this modality carry audio. */
  public boolean hasAudio() {
    return this != VIDEO;
  }

  /** Whether streams of this modality carry video. */
  public boolean hasVideo() {
    return this != AUDIO;
  }

  /** The name FastRTC uses for this modality, e.g. {@code "audio-video"}. */
  public String wireName() {
    return wireName;
  }
}
