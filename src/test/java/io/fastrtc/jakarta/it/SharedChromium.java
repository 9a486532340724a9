package io.fastrtc.jakarta.it;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium for all the tests of a class: started before the first, each test from one
 * blank tab at the normal window size, quit after the last. Register it as a static field with
 * {@code @RegisterExtension}, and take the browser with {@link #get()} in each test.
 */
final class SharedChromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  /** Starts the class's browser (with its fake capture devices). */
  @FunctionalInterface
  interface Starter {
    HeadlessChromium start() throws IOException;
  }

  private final Starter starter;
  private HeadlessChromium browser;

  SharedChromium(Starter starter) {
    this.starter = starter;
  }

  /** The running browser; only between the class's first and last test. */
  HeadlessChromium get() {
    if (browser == null) {
      throw new IllegalStateException("the class's Chromium is not running");
    }
    return browser;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    browser = starter.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    get().resetToOneBlankTab();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
