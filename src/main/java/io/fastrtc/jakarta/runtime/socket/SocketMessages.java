package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client's messages on one socket, on their way to the {@link SocketProtocol}: text parts put
 * together under the session's own length limit, the {@link FloodGate} over every message, then
 * each event parsed and dispatched, with the protocol's answer to an invalid one. Nothing passes
 * once the session has ended.
 */
final class SocketMessages {
  private static final Logger LOG = Logger.getLogger(SocketSession.class.getName());

  private final SocketProtocol protocol;
  private final SocketSessions.Limits limits;
  private final BooleanSupplier ended;
  private final Runnable fail;
  private final FloodGate gate;
  private final TextAssembly assembly;

  /**
   * @param ended whether the session has ended
   * @param flooded told once, with why, when the message policy is broken
   * @param fail ends the session after the protocol crashed on an event
   */
  SocketMessages(
      SocketProtocol protocol,
      SocketSessions.Limits limits,
      BooleanSupplier ended,
      Consumer<String> flooded,
      Runnable fail) {
    this.protocol = protocol;
    this.limits = limits;
    this.ended = ended;
    this.fail = fail;
    this.gate = new FloodGate(limits, System.nanoTime(), flooded);
    this.assembly = new TextAssembly(limits.maxMessageChars(), this::text, this::tooLong);
  }

  /** See {@link SocketSession#onTextPart}. */
  void textPart(String part, boolean last) {
    if (!ended.getAsBoolean() && gate.part(part.length(), last, System.nanoTime())) {
      assembly.part(part, last);
    }
  }

  private void tooLong(long chars) {
    if (!ended.getAsBoolean()) {
      protocol.invalid(null, SocketEvent.tooLarge(chars, limits.maxMessageChars()));
    }
  }

  /** See {@link SocketSession#onText}. */
  void text(String text) {
    if (ended.getAsBoolean()) {
      return;
    }
    SocketEvent event;
    try {
      event = SocketEvent.parse(text, limits.maxMessageChars());
    } catch (InvalidRequestException e) {
      protocol.invalid(null, e.getMessage());
      return;
    }
    try {
      protocol.onEvent(event);
    } catch (InvalidRequestException e) {
      protocol.invalid(event.event(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, protocol.describe() + " failed on \"" + event.event() + "\"", e);
      protocol.crashed(e);
      fail.run();
    }
  }

  /** See {@link SocketSession#onBinary}. */
  void binary() {
    if (!ended.getAsBoolean() && gate.message(System.nanoTime())) {
      protocol.onBinary();
    }
  }
}
