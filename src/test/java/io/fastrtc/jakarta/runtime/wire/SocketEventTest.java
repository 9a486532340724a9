package io.fastrtc.jakarta.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing client frames and building server frames of the two socket protocols. */
class SocketEventTest {

  @Test
  void parsesAnEventAndReadsNestedStrings() {
    SocketEvent e =
        SocketEvent.parse(
            "{\"event\":\"media\",\"media\":{\"payload\":\"//8A\",\"track\":\"inbound\"},\"x\":1}");
    assertThat(e.event()).isEqualTo("media");
    assertThat(e.string("media", "track")).isEqualTo("inbound");
    assertThat(e.string("media", "missing")).isNull();
    assertThat(e.string("x")).isNull();
    assertThat(e.mediaPayload()).containsExactly((byte) 0xFF, (byte) 0xFF, (byte) 0x00);
  }

  @Test
  void refusesWhatIsNotAnEventObjectWithAReason() {
    assertThatThrownBy(() -> SocketEvent.parse("")).hasMessageContaining("empty message");
    assertThatThrownBy(() -> SocketEvent.parse("{")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SocketEvent.parse("\"start\"")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> SocketEvent.parse("{\"event\":3}"))
        .hasMessageContaining("no \"event\"");
    String huge = "{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(300_000) + "\"}}";
    assertThatThrownBy(() -> SocketEvent.parse(huge))
        .hasMessageStartingWith("message too large: 300040 characters, the limit is 262144");
  }

  @Test
  void reportsMissingFieldsAndBadBase64() {
    SocketEvent start = SocketEvent.parse("{\"event\":\"start\"}");
    assertThatThrownBy(() -> start.requiredString("websocket_id"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("\"start\" needs a string at websocket_id");
    SocketEvent media = SocketEvent.parse("{\"event\":\"media\",\"media\":{\"payload\":\"***\"}}");
    assertThatThrownBy(media::mediaPayload).hasMessageStartingWith("media.payload is not base64");
  }

  @Test
  void collectsCustomParametersAsStrings() {
    SocketEvent e =
        SocketEvent.parse(
            "{\"event\":\"start\",\"start\":{\"customParameters\":{\"a\":\"1\",\"b\":2}}}");
    assertThat(e.strings("start", "customParameters"))
        .containsEntry("a", "1")
        .containsEntry("b", "2");
    assertThat(e.strings("start", "nothing")).isEmpty();
  }

  @Test
  void buildsTheServerFrames() {
    assertThat(SocketMessages.media("AAE="))
        .isEqualTo("{\"event\":\"media\",\"media\":{\"payload\":\"AAE=\"}}");
    assertThat(SocketMessages.pong()).isEqualTo("{\"event\":\"pong\"}");
    assertThat(SocketMessages.clear()).isEqualTo("{\"event\":\"clear\"}");
    String sid = SocketMessages.quoted("MZ\"1");
    assertThat(SocketMessages.twilioMedia(sid, "AAE="))
        .isEqualTo(
            "{\"event\":\"media\",\"streamSid\":\"MZ\\\"1\",\"media\":{\"payload\":\"AAE=\"}}");
    assertThat(SocketMessages.twilioMark(sid, "m-1"))
        .isEqualTo("{\"event\":\"mark\",\"streamSid\":\"MZ\\\"1\",\"mark\":{\"name\":\"m-1\"}}");
    assertThat(SocketMessages.twilioClear(sid))
        .isEqualTo("{\"event\":\"clear\",\"streamSid\":\"MZ\\\"1\"}");
  }
}
