package io.fastrtc.jakarta.runtime.webrtc;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * What an offer SDP asks for: its media sections. Used to refuse offers that do not fit the stream
 * before any native object is created.
 *
 * @param media the kinds of the m-lines in order ({@code audio}, {@code video}, {@code
 *     application})
 */
record OfferShape(List<String> media) {

  static OfferShape parse(String sdp) {
    List<String> media = new ArrayList<>();
    for (String line : sdp.split("\r?\n", -1)) {
      if (line.startsWith("m=")) {
        int space = line.indexOf(' ');
        media.add(space > 2 ? line.substring(2, space) : line.substring(2));
      }
    }
    return new OfferShape(media);
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
