package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;

/** An echo that counts its {@code startUp} and {@code shutdown} calls. */
abstract class DrillEcho extends EchoHandler {
  private String stream = "never-started";

  @Override
  public void startUp(StreamContext context) {
    super.startUp(context);
    stream = context.streamName();
    DrillCounters.increment(stream, "starts");
  }

  @Override
  public void shutdown() {
    DrillCounters.increment(stream, "shutdowns");
  }

  String stream() {
    return stream;
  }
}
