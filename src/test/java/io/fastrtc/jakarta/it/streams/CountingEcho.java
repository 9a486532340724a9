package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;

/** An echo that reports its lifecycle calls. */
abstract class CountingEcho extends EchoHandler {
  private String stream;

  @Override
  public void startUp(StreamContext context) {
    super.startUp(context);
    stream = context.streamName();
    Lifecycle.started(stream);
  }

  @Override
  public void shutdown() {
    Lifecycle.shutDown(stream == null ? "never-started" : stream);
  }
}
