package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The browser flow of single sign-on, in headless Chromium against the secured server ({@code
 * fastrtcSSO}, started by the build with the test provider {@code fastrtcOP}; not Arquillian): the
 * page sends the browser to the provider's real login form, the user logs in, comes back, and the
 * echo stream works end to end (the echoed tone's frequency measured as in {@link BrowserEchoIT});
 * the session cookie is HttpOnly and SameSite; the page shows the user, and its "Log out" button
 * ends the session.
 */
class SecuredBrowserIT {
  static final int APP_PORT = Integer.getInteger("sso.http.port", 9191);
  static final URI APP = URI.create("http://127.0.0.1:" + APP_PORT + "/");

  @BeforeAll
  static void server() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(APP.resolve("api/streams")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 401) {
          return;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the secured application at " + APP + " did not start");
  }

  @Test
  void aUserLogsInAtTheProviderAndTheEchoStreamWorks() throws Exception {
    try (HeadlessChromium chromium =
        HeadlessChromium.start(
            BrowserEchoIT.toneWav(), null, List.of("--ignore-certificate-errors"))) {
      chromium.open(APP + "stream.html?name=echo");
      BrowserEchoIT.waitFor(
          chromium,
          "the provider's login form",
          Duration.ofSeconds(20),
          page -> !page.driver().findElements(By.name("j_username")).isEmpty());
      assertThat(chromium.driver().getCurrentUrl()).contains("localhost:");
      chromium.driver().findElement(By.name("j_username")).sendKeys("alice");
      chromium.driver().findElement(By.name("j_password")).sendKeys("alicepwd");
      chromium.driver().findElement(By.name("j_password")).submit();
      BrowserEchoIT.waitFor(
          chromium,
          "the way back to the application's stream page",
          Duration.ofSeconds(20),
          page -> page.driver().getCurrentUrl().startsWith(APP + "stream.html"));

      List<Cookie> session =
          chromium.driver().manage().getCookies().stream()
              .filter(c -> c.getName().startsWith("LtpaToken") || c.getName().equals("JSESSIONID"))
              .toList();
      assertThat(session).as("session cookies").isNotEmpty();
      assertThat(session)
          .allSatisfy(
              c -> {
                assertThat(c.isHttpOnly()).as(c.getName() + " HttpOnly").isTrue();
                assertThat(c.getSameSite()).as(c.getName() + " SameSite").isIn("Lax", "Strict");
              });

      BrowserEchoIT.startStream(chromium, APP, "echo");
      Thread.sleep(2500);
      Map<String, Object> tone = BrowserEchoIT.dominantFrequency(chromium);
      assertThat(BrowserEchoIT.number(tone, "frequency"))
          .as("echoed frequency, Hz")
          .isCloseTo(BrowserEchoIT.TONE_HZ, within(15.0));
      assertThat(BrowserEchoIT.number(tone, "level"))
          .as("echoed RMS level")
          .isGreaterThan(BrowserEchoIT.MIN_LEVEL);
      System.out.printf(
          "secured echo (alice, after the provider's login): %.1f Hz at RMS %.3f%n",
          BrowserEchoIT.number(tone, "frequency"), BrowserEchoIT.number(tone, "level"));
      BrowserEchoIT.stopStream(chromium);

      Map<String, Object> streams =
          chromium.awaitScript(
              "fetch('api/streams').then(r => r.json()).then(a => ({names: a.map(s => s.name)}))");
      assertThat(String.valueOf(streams.get("names"))).contains("echo");

      // the page shows who is signed in, and its "Log out" button ends the session
      BrowserEchoIT.waitFor(
          chromium,
          "the account bar",
          Duration.ofSeconds(10),
          page -> page.driver().findElement(By.id("account")).isDisplayed());
      assertThat(chromium.driver().findElement(By.id("account-user")).getText()).isEqualTo("alice");
      String before = sessionCookies(chromium);
      assertThat(before).as("the session's cookies").isNotEmpty();
      chromium.driver().findElement(By.id("logout")).click();
      BrowserEchoIT.waitFor(
          chromium,
          "the way back to the login after logging out",
          Duration.ofSeconds(20),
          page -> !page.driver().getCurrentUrl().startsWith(APP + "stream.html"));
      System.out.println("after Log out: " + chromium.driver().getCurrentUrl());
      // Either the provider's login form (its session ended too) or, with the provider's session
      // still alive, a fresh sign-on with a new token: never the old session.
      assertThat(sessionCookies(chromium))
          .as("the old session's cookies after Log out")
          .isNotEqualTo(before);
    }
  }

  /** The session cookies this page's host sees ("" for none), e.g. "LtpaToken2_...=...;". */
  private static String sessionCookies(HeadlessChromium chromium) {
    StringBuilder cookies = new StringBuilder();
    chromium.driver().manage().getCookies().stream()
        .filter(c -> c.getName().startsWith("LtpaToken") || c.getName().equals("JSESSIONID"))
        .sorted(java.util.Comparator.comparing(Cookie::getName))
        .forEach(c -> cookies.append(c.getName()).append('=').append(c.getValue()).append(';'));
    return cookies.toString();
  }
}
