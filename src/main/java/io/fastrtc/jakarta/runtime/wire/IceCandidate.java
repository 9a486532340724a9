package io.fastrtc.jakarta.runtime.wire;

/**
 * A trickled client candidate, FastRTC's {@code candidate} object ({@code
 * RTCIceCandidate.toJSON()}).
 *
 * @param candidate the {@code candidate:...} line
 * @param sdpMid the media id, may be null
 * @param sdpMLineIndex the m-line index, or -1 when absent
 */
public record IceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {

  /**
   * FastRTC's format check: the string starts with {@code candidate:} and has at least ten
   * space-separated tokens (so end-of-candidates and Firefox strings without {@code generation} are
   * refused, as FastRTC refuses them).
   */
  public boolean hasValidFormat() {
    return candidate != null
        && candidate.startsWith("candidate:")
        && candidate.trim().split(" +").length >= 10;
  }
}
