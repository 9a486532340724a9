package io.fastrtc.jakarta.runtime.wire;

import static io.fastrtc.jakarta.testing.Generated.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.testing.Gen;
import io.fastrtc.jakarta.testing.Generated;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing every JSON body and message the server parses: the offer body ({@link OfferRequest}), the
 * input hook's ({@link InputHookRequest}) and socket events ({@link SocketEvent}, both protocols).
 * Whatever the text, the only outcomes are a parsed value or the contract's {@link
 * InvalidRequestException}; and the JSON is strict: exactly one value, bounded depth, no duplicate
 * keys, numbers of a sane size. Plain JUnit property tests over seeded generators ({@link
 * Generated}).
 */
class StrictJsonPropertiesTest {
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

  private static final Gen<String> VALID_BODIES =
      Generated.of(OFFER, CANDIDATE, INPUTS, WS_START, TWILIO_START);

  private static final Gen<String> TRAILERS =
      Generated.<String>oneOf(
              Generated.of("{}", "x", "[]", "1", "\"s\"", "null", ",", "}", "]", "{\"a\":1}"),
              Generated.strings(8).filter(s -> !s.isEmpty() && !s.isBlank()))
          .map(t -> " " + t);

  private static final Gen<String> WHITE_SPACE = Generated.strings(" \t\r\n", 5);

  private static final Gen<String> JSON_VALUES =
      Generated.oneOf(
          Generated.ints().map(String::valueOf),
          Generated.longs().map(String::valueOf),
          Generated.doubles().map(String::valueOf),
          Generated.of(
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

  /** Text that is often JSON-shaped: random JSON tokens glued together, and random strings. */
  private static final Gen<String> JSONISH =
      Generated.oneOf(
          Generated.of(
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
                  "\"")
              .list(40)
              .map(l -> String.join("", l)),
          Generated.strings(200),
          Generated.strings(50));

  /** Valid bodies with a character deleted, inserted or replaced. */
  private static final Gen<String> MUTATED_BODIES =
      r -> {
        String body = VALID_BODIES.next(r);
        int i = Math.min(Generated.ints(0, 400).next(r), body.length() - 1);
        char c = Generated.of('{', '}', '[', ']', '"', ':', ',', '\\', 'x', '1').next(r);
        return switch (r.nextInt(3)) {
          case 0 -> body.substring(0, i) + body.substring(i + 1);
          case 1 -> body.substring(0, i) + c + body.substring(i);
          default -> body.substring(0, i) + c + body.substring(i + 1);
        };
      };

  record Trailed(String body, String trailer) {}

  record Exponent(int exponent, boolean negative) {}

  @Test
  void anyTextIsParsedOrRefusedWithTheContractsException() {
    forAll(700, JSONISH, StrictJsonPropertiesTest::parsedOrRefusedByEveryParser);
  }

  @Test
  void mutatedValidBodiesAreParsedOrRefusedWithTheContractsException() {
    forAll(1000, MUTATED_BODIES, StrictJsonPropertiesTest::parsedOrRefusedByEveryParser);
  }

  @Test
  void anythingAfterTheValueIsRefused() {
    forAll(
        300,
        r -> new Trailed(VALID_BODIES.next(r), TRAILERS.next(r)),
        c -> {
          String text = c.body() + c.trailer();
          assertThatThrownBy(() -> OfferRequest.parse(text))
              .isInstanceOf(InvalidRequestException.class);
          assertThatThrownBy(() -> InputHookRequest.parse(text))
              .isInstanceOf(InvalidRequestException.class);
          assertThatThrownBy(() -> SocketEvent.parse(text))
              .isInstanceOf(InvalidRequestException.class);
        });
  }

  @Test
  void whiteSpaceAroundTheValueIsFine() {
    forAll(
        100,
        r -> new Trailed(VALID_BODIES.next(r), WHITE_SPACE.next(r)),
        c -> {
          String text = c.trailer() + c.body() + c.trailer();
          parsesOrRefuses(OfferRequest::parse, text);
          assertThat(StrictJson.object(text, "the body")).isNotNull();
        });
  }

  @Test
  void nestingIsBoundedAt32Levels() {
    forAll(
        60,
        Generated.oneOf(Generated.ints(1, 40), Generated.ints(1, 2000)),
        depth -> {
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
        });
  }

  @Test
  void hugeNumbersAreRefusedAtOnce() {
    forAll(
        200,
        r -> new Exponent(Generated.ints(401, 999_999_999).next(r), r.nextBoolean()),
        c -> {
          String number = "1e" + (c.negative() ? "-" : "") + c.exponent();
          assertThatThrownBy(
                  () -> InputHookRequest.parse("{\"webrtc_id\":\"a\",\"n\":" + number + "}"))
              .isInstanceOf(InvalidRequestException.class)
              .hasMessageContaining("out of range");
          String candidate =
              CANDIDATE.replace("\"sdpMLineIndex\":0", "\"sdpMLineIndex\":" + number);
          assertThatThrownBy(() -> OfferRequest.parse(candidate))
              .isInstanceOf(InvalidRequestException.class);
        });
  }

  @Test
  void aKeyTwiceInOneObjectIsRefused() {
    forAll(
        200,
        VALID_BODIES,
        body -> {
          String twice = body.replaceFirst("\\{\"", "{\"dup\":1,\"dup\":2,\"");
          assertThatThrownBy(() -> StrictJson.object(twice, "the body"))
              .isInstanceOf(InvalidRequestException.class)
              .hasMessageContaining("\"dup\" twice");
        });
  }

  @Test
  void aCandidatesLineIndexIsAWholeNumberOrRefused() {
    forAll(
        500,
        JSON_VALUES,
        v -> {
          String body = CANDIDATE.replace("\"sdpMLineIndex\":0", "\"sdpMLineIndex\":" + v);
          try {
            int index = OfferRequest.parse(body).candidate().sdpMLineIndex();
            // -1: none (absent or negative); 65536: beyond any media section
            assertThat(index).isBetween(-1, 65_536);
          } catch (InvalidRequestException e) {
            assertThat(e.getMessage()).isNotBlank();
          }
        });
  }

  private static void parsedOrRefusedByEveryParser(String text) {
    parsesOrRefuses(OfferRequest::parse, text);
    parsesOrRefuses(InputHookRequest::parse, text);
    parsesOrRefuses(SocketEvent::parse, text);
  }

  private static void parsesOrRefuses(Function<String, ?> parser, String text) {
    try {
      assertThat((Object) parser.apply(text)).isNotNull();
    } catch (InvalidRequestException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
