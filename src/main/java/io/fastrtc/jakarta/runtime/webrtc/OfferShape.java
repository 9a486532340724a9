package io.fastrtc.jakarta.runtime.webrtc;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What an offer SDP asks for: its media sections. Used to refuse offers that do not fit the stream
 * before any native object is created, and candidates that name no section of the offer.
 *
 * @param media the kinds of the m-lines in order ({@code audio}, {@code video}, {@code
 *     application})
 * @param mids the {@code a=mid:} of each m-line, in the same order ({@code null} where none)
 */
record OfferShape(List<String> media, List<String> mids) {

  static OfferShape parse(String sdp) {
    List<String> media = new ArrayList<>();
    List<String> mids = new ArrayList<>();
    for (String line : sdp.split("\r?\n", -1)) {
      if (line.startsWith("m=")) {
        int space = line.indexOf(' ');
        media.add(space > 2 ? line.substring(2, space) : line.substring(2));
        mids.add(null);
      } else if (line.startsWith("a=mid:")
          && !mids.isEmpty()
          && mids.get(mids.size() - 1) == null) {
        mids.set(mids.size() - 1, line.substring("a=mid:".length()).trim());
      }
    }
    return new OfferShape(List.copyOf(media), Collections.unmodifiableList(mids));
  }

  /**
   * Null when a candidate with this {@code sdpMid} (null: none) and {@code sdpMLineIndex} (-1:
   * none) names a media section of the offer, else why not. It must name one at least, and what it
   * names must exist: the mid among the offer's, the index below the number of m-lines.
   */
  String candidateProblem(String sdpMid, int sdpMLineIndex) {
    if (sdpMid == null && sdpMLineIndex < 0) {
      return "the candidate names no media section (sdpMid or sdpMLineIndex)";
    }
    if (sdpMid != null && !mids.contains(sdpMid)) {
      return "the candidate's sdpMid \""
          + (sdpMid.length() > 32 ? sdpMid.substring(0, 32) + "..." : sdpMid)
          + "\" is not a media section of the offer (it has "
          + mids.stream().filter(Objects::nonNull).toList()
          + ")";
    }
    if (sdpMLineIndex >= media.size()) {
      return "the candidate's sdpMLineIndex "
          + sdpMLineIndex
          + " is not a media section of the offer (it has "
          + media.size()
          + ")";
    }
    return null;
  }

  boolean hasDataChannel() {
    return media.contains("application");
  }

  /**
   * Null when the offer fits the stream, else the reason, in FastRTC's wording where it has one:
   * every audio and video section must be of a kind the modality uses (unless the stream allows
   * extra tracks), and every kind the modality uses must be offered.
   */
  String problemFor(StreamDefinition stream) {
    if (media.isEmpty()) {
      return "the offer has no media sections (m= lines)";
    }
    Modality modality = stream.modality();
    for (String kind : media) {
      if (!kind.equals("audio") && !kind.equals("video") && !kind.equals("application")) {
        return "Unsupported media section '" + kind + "'";
      }
      boolean used =
          kind.equals("application")
              || (kind.equals("audio") && modality.hasAudio())
              || (kind.equals("video") && modality.hasVideo());
      if (!used && !stream.allowExtraTracks()) {
        return "Unsupported track kind '" + kind + "' for modality '" + modality.wireName() + "'";
      }
    }
    for (String kind : List.of("audio", "video")) {
      boolean needed = kind.equals("audio") ? modality.hasAudio() : modality.hasVideo();
      if (needed && !media.contains(kind)) {
        return "stream '"
            + stream.name()
            + (modality.hasAudio() ? "' is an " : "' is a ")
            + modality.wireName()
            + " stream in "
            + stream.mode().wireName()
            + " mode: the offer needs "
            + (kind.equals("audio") ? "an audio" : "a video")
            + " section"
            + (stream.mode().clientSends()
                ? (kind.equals("audio") ? " (a microphone track)" : " (a camera track)")
                : " (a recvonly transceiver)");
      }
    }
    return null;
  }
}
