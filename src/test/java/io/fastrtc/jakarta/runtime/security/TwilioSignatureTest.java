package io.fastrtc.jakarta.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private final TwilioSignature twilio = new TwilioSignature("12345");

  @Test
  void matchesTwiliosDocumentedExamples() {
    assertThat(twilio.sign(URL, params("+12349013030"))).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    assertThat(twilio.sign(URL, params("+14158675310"))).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  }

  @Test
  void refusesAMissingOrWrongSignatureAndAnotherUrlOrToken() {
    String right = twilio.sign(URL, params("+12349013030"));

    assertThat(twilio.verify(right, URL, params("+12349013030"))).isTrue();
    assertThat(twilio.verify(null, URL, params("+12349013030"))).isFalse();
    assertThat(twilio.verify("", URL, params("+12349013030"))).isFalse();
    assertThat(twilio.verify(right, URL + "&x=1", params("+12349013030"))).isFalse();
    assertThat(twilio.verify(right, URL, params("+10000000000"))).isFalse();
    assertThat(new TwilioSignature("54321").verify(right, URL, params("+12349013030"))).isFalse();
  }

  private static Map<String, List<String>> params(String caller) {
    return Map.of(
        "CallSid", List.of("CA1234567890ABCDE"),
        "Caller", List.of(caller),
        "Digits", List.of("1234"),
        "From", List.of(caller),
        "To", List.of("+18005551212"));
  }
}
