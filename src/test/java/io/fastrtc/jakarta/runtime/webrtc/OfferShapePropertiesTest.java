package io.fastrtc.jakarta.runtime.webrtc;

import static io.fastrtc.jakarta.testing.Generated.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Gen;
import io.fastrtc.jakarta.testing.Generated;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the SDP shape check and the candidates' media-section rule: any SDP text is read without
 * an exception, and a candidate is accepted exactly when it names a media section the offer has.
 * Plain JUnit property tests over seeded generators ({@link Generated}).
 */
class OfferShapePropertiesTest {
  private static final Gen<String> MIDS =
      Generated.oneOf(
          Generated.of("0", "1", "2", "3", "5", "9", "audio", "", " 0").orNull(0.2),
          Generated.strings(64));

  private static final Gen<String> SDPISH =
      r -> {
        Gen<String> line =
            Generated.oneOf(
                Generated.of(
                    "v=0",
                    "m=",
                    "m=audio",
                    "m=video 9 UDP",
                    "m=application 9",
                    "a=mid:",
                    "a=mid:0",
                    "a=mid:a b",
                    "m= ",
                    "c=IN IP4 0.0.0.0",
                    "",
                    "\r",
                    "a=mid:\u0000"),
                Generated.strings(30));
        String separator = Generated.of("\r\n", "\n", "\r", "").next(r);
        return String.join(separator, line.list(30).next(r));
      };

  record Candidate(int sections, String mid, int index) {}

  @Test
  void anySdpTextIsReadWithoutAnException() {
    forAll(
        500,
        SDPISH,
        sdp -> {
          OfferShape shape = OfferShape.parse(sdp);
          assertThat(shape.mids()).hasSameSizeAs(shape.media());
          shape.candidateProblem("0", 0);
          shape.candidateProblem(null, -1);
        });
  }

  @Test
  void aCandidateIsAcceptedExactlyWhenItNamesASectionOfTheOffer() {
    forAll(
        300,
        r ->
            new Candidate(
                Generated.ints(1, 4).next(r), MIDS.next(r), Generated.ints(-1, 6).next(r)),
        c -> {
          StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n");
          for (int i = 0; i < c.sections(); i++) {
            sdp.append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:")
                .append(i)
                .append("\r\n");
          }
          OfferShape shape = OfferShape.parse(sdp.toString());
          String mid = c.mid();
          boolean midOk =
              mid == null || (mid.matches("\\d") && Integer.parseInt(mid) < c.sections());
          boolean indexOk = c.index() < c.sections();
          boolean names = mid != null || c.index() >= 0;
          String problem = shape.candidateProblem(mid, c.index());
          if (midOk && indexOk && names) {
            assertThat(problem).isNull();
          } else {
            assertThat(problem).isNotBlank().contains("media section");
          }
        });
  }
}
