package io.fastrtc.jakarta.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzing every JSON body and message the server parses: the offer body ({@link OfferRequest}), the
 * input hook's ({@link InputHookRequest}) and socket events ({@link SocketEvent}, both protocols).
 * Whatever the text, the only outcomes are a parsed value or the contract's {@link
 * InvalidRequestException}; and the JSON is strict: exactly one value, bounded depth, no duplicate
 * keys, numbers of a sane size.
 */
class StrictJsonProperties {
  private static final String OFFER =
      "{\"webrtc_id\":\"a1\",\"type\":\"offer\",\"sdp\":\"v=0\\r\\nm=audio 9 UDP/TLS/RTP/SAVPF"
          + " 111\\r\\na=mid:0\\r\\n\"}";
  private static final String CANDIDATE =
      "{\"webrtc_id\":\"a1\",\"type\":\"ice-candidate\",\"candidate\":{\"candidate\":"
          + "\"candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host generation 0\","
          + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
  private static final String INPUTS = "{\"webrtc_id\":\"a1\",\"volume\":0.5,\"name\":\"x\"}";
  private static final String WS_START = "{\"event\":\"start\",\"websocket_id\":\"w1\"}";
  private static final String TWILIO_START =
      "{\"event\":\"start\",\"streamSid\":\"MZ1\",\"start\":{\"streamSid\":\"MZ1\","
          + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},"
          + "\"customParameters\":{\"caller\":\"Jane\"}}}";

  @Property(tries = 700)
  void anyTextIsParsedOrRefusedWithTheContractsException(@ForAll("jsonish") String text) {
    parsesOrRefuses(OfferRequest::parse, text);
    parsesOrRefuses(InputHookRequest::parse, text);
    parsesOrRefuses(SocketEvent::parse, text);
  }

  @Property(tries = 1000)
  void mutatedValidBodiesAreParsedOrRefusedWithTheContractsException(
      @ForAll("mutatedBodies") String text) {
    parsesOrRefuses(OfferRequest::parse, text);
    parsesOrRefuses(InputHookRequest::parse, text);
    parsesOrRefuses(SocketEvent::parse, text);
  }

  @Property(tries = 300)
  void anythingAfterTheValueIsRefused(
      @ForAll("validBodies") String body, @ForAll("trailers") String trailer) {
    String text = body + trailer;
    assertThatThrownBy(() -> OfferRequest.parse(text)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> InputHookRequest.parse(text))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> SocketEvent.parse(text)).isInstanceOf(InvalidRequestException.class);
  }

  @Property(tries = 100)
  void whiteSpaceAroundTheValueIsFine(
      @ForAll("validBodies") String body, @ForAll("whiteSpace") String before) {
    parsesOrRefuses(OfferRequest::parse, before + body + before);
    assertThat(StrictJson.object(before + body + before, "the body")).isNotNull();
  }

  @Property(tries = 60)
  void nestingIsBoundedAt32Levels(@ForAll @IntRange(min = 1, max = 2000) int depth) {
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String text = "{\"event\":\"x\",\"webrtc_id\":\"a\",\"v\":" + nested + "}";
    if (depth + 1 <= StrictJson.MAX_DEPTH) {
      assertThat(SocketEvent.parse(text).event()).isEqualTo("x");
      assertThat(InputHookRequest.parse(text).values()).containsKey("v");
    } else {
      assertThatThrownBy(() -> SocketEvent.parse(text))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("nests deeper than 32");
    }
  }

  @Property(tries = 200)
  void hugeNumbersAreRefusedAtOnce(
      @ForAll @IntRange(min = 401, max = 999_999_999) int exponent, @ForAll boolean negative) {
    String number = "1e" + (negative ? "-" : "") + exponent;
    assertThatThrownBy(() -> InputHookRequest.parse("{\"webrtc_id\":\"a\",\"n\":" + number + "}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("out of range");
    String candidate = CANDIDATE.replace("\"sdpMLineIndex\":0", "\"sdpMLineIndex\":" + number);
    assertThatThrownBy(() -> OfferRequest.parse(candidate))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Property(tries = 200)
  void aKeyTwiceInOneObjectIsRefused(@ForAll("validBodies") String body) {
    String twice = body.replaceFirst("\\{\"", "{\"dup\":1,\"dup\":2,\"");
    assertThatThrownBy(() -> StrictJson.object(twice, "the body"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("\"dup\" twice");
  }

  @Property(tries = 500)
  void aCandidatesLineIndexIsAWholeNumberFrom0To65535OrRefused(@ForAll("jsonValues") String v) {
    String body = CANDIDATE.replace("\"sdpMLineIndex\":0", "\"sdpMLineIndex\":" + v);
    try {
      int index = OfferRequest.parse(body).candidate().sdpMLineIndex();
      assertThat(index).isBetween(-1, 65_535);
    } catch (InvalidRequestException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static void parsesOrRefuses(Function<String, ?> parser, String text) {
    try {
      assertThat((Object) parser.apply(text)).isNotNull();
    } catch (InvalidRequestException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> validBodies() {
    return Arbitraries.of(OFFER, CANDIDATE, INPUTS, WS_START, TWILIO_START);
  }

  @Provide
  Arbitrary<String> trailers() {
    return Arbitraries.oneOf(
            Arbitraries.of("{}", "x", "[]", "1", "\"s\"", "null", ",", "}", "]", "{\"a\":1}"),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank()))
        .map(t -> " " + t);
  }

  @Provide
  Arbitrary<String> whiteSpace() {
    return Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(5);
  }

  @Provide
  Arbitrary<String> jsonValues() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of(
            "null",
            "true",
            "\"0\"",
            "[]",
            "{}",
            "-0",
            "0.0",
            "1.5",
            "65535",
            "65536",
            "1e3",
            "1E2",
            "-1",
            "2147483648",
            "1e400",
            "0.1e1"));
  }

  /** Text that is often JSON-shaped: random JSON tokens glued together, and random strings. */
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> token =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"event\"",
            "\"webrtc_id\"",
            "\"type\"",
            "\"offer\"",
            "\"ice-candidate\"",
            "\"sdp\"",
            "\"v=0\"",
            "\"candidate\"",
            "\"media\"",
            "\"payload\"",
            "\"start\"",
            "\"a\"",
            "1",
            "-1",
            "1e999",
            "0.5",
            "true",
            "null",
            "\"\\u0000\"",
            "\"\\ud800\"",
            " ",
            "\n",
            "x",
            "\"");
    return Arbitraries.oneOf(
        token.list().ofMaxSize(40).map(l -> String.join("", l)),
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().all().ofMaxLength(50));
  }

  /** Valid bodies with a few characters deleted, inserted or replaced. */
  @Provide
  Arbitrary<String> mutatedBodies() {
    Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', 'x', '1');
    return Combinators.combine(
            validBodies(),
            Arbitraries.integers().between(0, 400),
            Arbitraries.integers().between(0, 2),
            chars)
        .as(
            (body, at, op, c) -> {
              int i = Math.min(at, body.length() - 1);
              return switch (op) {
                case 0 -> body.substring(0, i) + body.substring(i + 1);
                case 1 -> body.substring(0, i) + c + body.substring(i);
                default -> body.substring(0, i) + c + body.substring(i + 1);
              };
            });
  }
}
