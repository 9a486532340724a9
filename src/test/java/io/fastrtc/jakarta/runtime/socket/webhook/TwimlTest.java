package io.fastrtc.jakarta.runtime.socket.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwimlTest {

  @Test
  void connectIsFastRtcsTwimlWithTheUrl() {
    assertThat(Twiml.connect("wss://voice.example.com/telephone/handler"))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Connecting to the AI"
                + " assistant.</Say><Connect><Stream"
                + " url=\"wss://voice.example.com/telephone/handler\" /></Connect><Say>The call"
                + " has been disconnected.</Say></Response>");
  }

  @Test
  void theUrlIsEscapedForXml() {
    assertThat(Twiml.connect("wss://h/a?b=1&c=\"2\""))
        .contains("url=\"wss://h/a?b=1&amp;c=&quot;2&quot;\"");
  }

  @Test
  void busyTellsTheCallerAndHangsUp() {
    assertThat(Twiml.busy()).contains("<Say>All lines are busy").endsWith("<Hangup/></Response>");
  }
}
