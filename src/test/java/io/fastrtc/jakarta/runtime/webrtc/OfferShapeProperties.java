package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzing the SDP shape check and the candidates' media-section rule: any SDP text is read without
 * an exception, and a candidate is accepted exactly when it names a media section the offer has.
 */
class OfferShapeProperties {

  @Property(tries = 500)
  void anySdpTextIsReadWithoutAnException(@ForAll("sdpish") String sdp) {
    OfferShape shape = OfferShape.parse(sdp);
    assertThat(shape.mids()).hasSameSizeAs(shape.media());
    shape.candidateProblem("0", 0);
    shape.candidateProblem(null, -1);
  }

  @Property(tries = 300)
  void aCandidateIsAcceptedExactlyWhenItNamesASectionOfTheOffer(
      @ForAll @IntRange(min = 1, max = 4) int sections,
      @ForAll("mids") String mid,
      @ForAll @IntRange(min = -1, max = 6) int index) {
    StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n");
    for (int i = 0; i < sections; i++) {
      sdp.append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:")
          .append(i)
          .append("\r\n");
    }
    OfferShape shape = OfferShape.parse(sdp.toString());
    boolean midOk = mid == null || (mid.matches("\\d") && Integer.parseInt(mid) < sections);
    boolean indexOk = index < sections;
    boolean names = mid != null || index >= 0;
    String problem = shape.candidateProblem(mid, index);
    if (midOk && indexOk && names) {
      assertThat(problem).isNull();
    } else {
      assertThat(problem).isNotBlank().contains("media section");
    }
  }

  @Provide
  Arbitrary<String> mids() {
    return Arbitraries.oneOf(
        Arbitraries.of("0", "1", "2", "3", "5", "9", "audio", "", " 0").injectNull(0.2),
        Arbitraries.strings().ofMaxLength(64));
  }

  @Provide
  Arbitrary<String> sdpish() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of(
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
            Arbitraries.strings().ofMaxLength(30));
    Arbitrary<String> separator = Arbitraries.of("\r\n", "\n", "\r", "");
    return line.list()
        .ofMaxSize(30)
        .flatMap((List<String> lines) -> separator.map(sep -> String.join(sep, lines)));
  }
}
