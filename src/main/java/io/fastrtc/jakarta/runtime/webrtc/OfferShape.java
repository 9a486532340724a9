package io.fastrtc.jakarta.runtime.webrtc;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.runtime.StreamDefinition;
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
    for (String line : sdp.split("\r?\n")) {
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
   * Null when the offer fits the stream, else the reason, in FastRTC's wording where it has one.
   */
  String problemFor(StreamDefinition stream) {
    if (media.isEmpty()) {
      return "the offer has no media sections (m= lines)";
    }
    for (String kind : media) {
      if (kind.equals("video") && stream.modality() == Modality.AUDIO) {
        return "Unsupported track kind 'video' for modality 'audio'";
      }
      if (!kind.equals("audio") && !kind.equals("video") && !kind.equals("application")) {
        return "Unsupported media section '" + kind + "'";
      }
    }
    if (!media.contains("audio")) {
      return "stream '"
          + stream.name()
          + "' is an audio stream in "
          + stream.mode().wireName()
          + " mode: the offer needs an audio section"
          + (stream.mode().clientSends() ? " (a microphone track)" : " (a recvonly transceiver)");
    }
    return null;
  }
}
