package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Headless Chromium against the WAR on Payara Micro: the bundled index page loads the stream list
 * from Payara, and the bundled stream page plays the echo of the fake microphone's tone (the same
 * checks as the Liberty suite's {@link BrowserEchoIT}).
 */
@ExtendWith(PayaraServer.Shared.class)
class PayaraBrowserIT {
  private static URI base;

  @BeforeAll
  static void startPayara(PayaraServer shared) throws Exception {
    base = shared.base().toURI();
  }

  @Test
  void indexPageListsEveryDemoStream() throws Exception {
    try (HeadlessChromium chromium = HeadlessChromium.start(null)) {
      BrowserEchoIT.checking(
          chromium,
          "payara-index",
          () -> {
            BrowserStreamPagesIT.openIndex(chromium, base);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> streams =
                (List<Map<String, Object>>) chromium.script("return window.fastrtcIndex.streams;");
            TreeSet<String> names = new TreeSet<>();
            streams.forEach(s -> names.add((String) s.get("name")));
            List<String> linked =
                chromium.driver().findElements(By.cssSelector("a[data-stream]")).stream()
                    .map(a -> a.getText())
                    .toList();
            System.out.println("payara index lists " + linked);
            assertThat(names)
                .as("streams from /api/streams")
                .isEqualTo(new TreeSet<>(BrowserStreamPagesIT.DEMO_STREAMS));
            assertThat(new TreeSet<>(linked)).as("streams on the index").isEqualTo(names);
            assertThat(chromium.script("return window.fastrtcIndex.errors.length;")).isEqualTo(0L);
          });
    }
  }

  @Test
  void streamPagePlaysTheEchoOfTheMicrophone() throws Exception {
    BrowserEchoIT.runEchoCheck(base);
  }
}
