package io.fastrtc.jakarta.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact JSON of FastRTC's contract (reference sections 2.2 and 2.3). */
class WireContractTest {

  @Test
  void failureBodiesAreFastRtcsExactJson() {
    assertThat(SignalResponse.failed(ErrorCode.UNKNOWN_CONNECTION).json())
        .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"unknown_connection\"}}");
    assertThat(SignalResponse.failed(ErrorCode.INVALID_CANDIDATE_FORMAT).json())
        .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"invalid_candidate_format\"}}");
    assertThat(SignalResponse.failed(ErrorCode.CONNECTION_CLOSED).json())
        .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"connection_closed\"}}");
    assertThat(SignalResponse.failed(ErrorCode.CONNECTION_ALREADY_EXISTS).json())
        .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"connection_already_exists\"}}");
    assertThat(SignalResponse.concurrencyLimitReached(3).json())
        .isEqualTo(
            "{\"status\":\"failed\",\"meta\":{\"error\":\"concurrency_limit_reached\",\"limit\":3}}");
    assertThat(SignalResponse.concurrencyLimitReached(3).httpStatus()).isEqualTo(200);
  }

  @Test
  void successAndAnswerBodies() {
    assertThat(SignalResponse.success().json()).isEqualTo("{\"status\":\"success\"}");
    assertThat(SignalResponse.answer("v=0\r\n").json())
        .isEqualTo("{\"sdp\":\"v=0\\r\\n\",\"type\":\"answer\"}");
  }

  @Test
  void ourRejectionsUseTheFailureShapeWithADetailAndA4xxStatus() {
    SignalResponse r = SignalResponse.rejected(400, ErrorCode.INVALID_REQUEST, "why");
    assertThat(r.httpStatus()).isEqualTo(400);
    assertThat(r.isFailure()).isTrue();
    assertThat(r.body().getJsonObject("meta").getString("error")).isEqualTo("invalid_request");
    assertThat(r.body().getJsonObject("meta").getString("detail")).isEqualTo("why");
  }

  @Test
  void dataChannelEnvelopesKeepTheDataVersusMessageSplit() {
    assertThat(ChannelMessages.received("handshake"))
        .isEqualTo("{\"type\":\"log\",\"data\":\"Server received: handshake\"}");
    assertThat(ChannelMessages.endStream("bye"))
        .isEqualTo("{\"type\":\"end_stream\",\"data\":\"bye\"}");
    assertThat(ChannelMessages.sendInput()).isEqualTo("{\"type\":\"send_input\",\"data\":[]}");
    assertThat(ChannelMessages.fetchOutput()).isEqualTo("{\"type\":\"fetch_output\",\"data\":[]}");
    assertThat(ChannelMessages.error("boom"))
        .isEqualTo("{\"type\":\"error\",\"message\":\"boom\"}");
    assertThat(ChannelMessages.warning("hm"))
        .isEqualTo("{\"type\":\"warning\",\"message\":\"hm\"}");
    assertThat(ChannelMessages.typed("custom", Map.of("level", 3)))
        .isEqualTo("{\"type\":\"custom\",\"data\":{\"level\":3}}");
    assertThat(ChannelMessages.typed("list", List.of(1, 2)))
        .isEqualTo("{\"type\":\"list\",\"data\":[1,2]}");
  }

  @Test
  void parsesAnOfferAndIgnoresUnknownFields() {
    OfferRequest r =
        OfferRequest.parse(
            "{\"sdp\":\"v=0\\r\\n\",\"type\":\"offer\",\"webrtc_id\":\"k3\",\"x\":1}");
    assertThat(r.webrtcId()).isEqualTo("k3");
    assertThat(r.isCandidate()).isFalse();
    assertThat(r.sdp()).startsWith("v=0");
  }

  @Test
  void parsesATrickledCandidate() {
    OfferRequest r =
        OfferRequest.parse(
            "{\"candidate\":{\"candidate\":\"candidate:2393089663 1 udp 2122260223 192.168.86.60"
                + " 63692 typ host generation 0 ufrag LkZb network-id 1\",\"sdpMid\":\"0\","
                + "\"sdpMLineIndex\":0},\"webrtc_id\":\"k3\",\"type\":\"ice-candidate\"}");
    assertThat(r.isCandidate()).isTrue();
    assertThat(r.candidate().hasValidFormat()).isTrue();
    assertThat(r.candidate().sdpMid()).isEqualTo("0");
    assertThat(r.candidate().sdpMLineIndex()).isZero();
  }

  @Test
  void candidateFormatCheckFollowsFastRtc() {
    assertThat(new IceCandidate("", "0", 0).hasValidFormat()).isFalse();
    assertThat(new IceCandidate("candidate:1 1 udp 1 1.2.3.4 5 typ host", "0", 0).hasValidFormat())
        .isFalse();
    assertThat(
            new IceCandidate("garbage with many many tokens a b c d e f", "0", 0).hasValidFormat())
        .isFalse();
    assertThat(new IceCandidate(null, null, -1).hasValidFormat()).isFalse();
  }

  @Test
  void rejectsBodiesThatBreakTheContractWithAReason() {
    assertThatThrownBy(() -> OfferRequest.parse("{bad"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> OfferRequest.parse("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> OfferRequest.parse("{\"type\":\"offer\",\"sdp\":\"v=0\"}"))
        .hasMessageContaining("webrtc_id");
    assertThatThrownBy(() -> OfferRequest.parse("{\"webrtc_id\":5,\"type\":\"offer\"}"))
        .hasMessageContaining("must be a string");
    assertThatThrownBy(
            () -> OfferRequest.parse("{\"webrtc_id\":\"a\",\"type\":\"offer\",\"sdp\":\"hello\"}"))
        .hasMessageContaining("v=0");
    assertThatThrownBy(() -> OfferRequest.parse("{\"webrtc_id\":\"a\",\"type\":\"pranswer\"}"))
        .hasMessageContaining("type");
    assertThatThrownBy(() -> OfferRequest.parse("")).hasMessageContaining("empty");
  }
}
