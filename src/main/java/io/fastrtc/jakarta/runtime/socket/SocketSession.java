package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.audio.Pcm;
import io.fastrtc.jakarta.runtime.connection.Admission;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.connection.RuntimeServices;
import io.fastrtc.jakarta.runtime.connection.Transport;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket carrying one audio connection, whatever its protocol. The session owns what both
 * protocols share: the start watchdog, admission, the caller's audio on its way to the handler, the
 * ordered sender, and the one close path; what frames mean and what leaves is the {@link
 * SocketProtocol}'s ({@link FastRtcProtocol} or {@link TwilioProtocol}).
 *
 * <p>Every end comes through here: {@code stop} or the client leaving ({@code CLIENT_CLOSED}), a
 * failed send or internal error ({@code TRANSPORT_FAILED}), no {@code start} in time, a refused
 * admission; the connection's own close calls {@link #close}, which closes the socket with the
 * protocol's code for the reason.
 */
public final class SocketSession implements Transport {
  private static final Logger LOG = Logger.getLogger(SocketSession.class.getName());

  /** A socket that sends no {@code start} within this time is closed. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final StreamDefinition stream;
  private final StreamUser owner;
  private final ConnectionRegistry registry;
  private final RuntimeServices services;
  private final Function<StreamDefinition, HandlerLease> handlers;
  private final SocketSender sender;
  private final SocketProtocol protocol;
  private final Future<?> startWatchdog;
  private final SocketInput input = new SocketInput();
  private final String remoteAddress;
  private final SocketMessages messages;
  private volatile Connection connection;
  private volatile boolean ended;

  SocketSession(
      StreamDefinition stream,
      Session socket,
      StreamUser owner,
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers,
      SocketSessions.Limits limits,
      Function<SocketSession, SocketProtocol> protocol) {
    this.remoteAddress = remoteAddress(socket);
    this.stream = stream;
    this.owner = owner;
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
    this.sender =
        new SocketSender(socket, services.executor(), services.scheduler(), this::sendFailed);
    this.protocol = protocol.apply(this);
    this.messages =
        new SocketMessages(this.protocol, limits, () -> ended, this::flooded, this::fail);
    this.startWatchdog =
        services
            .scheduler()
            .schedule(this::startTimedOut, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The connection once {@code start} was accepted, else null. */
  public Connection connection() {
    return connection;
  }

  // ---- from the socket ----

  /**
   * A part of a text message from the client ({@code MessageHandler.Partial}); the session puts the
   * message together itself, so that its own limit decides, whatever the container's text buffer
   * does.
   */
  public void onTextPart(String part, boolean last) {
    messages.textPart(part, last);
  }

  /** The message policy is broken (reported once): tell the client, then close with 1008. */
  private void flooded(String why) {
    ended = true;
    LOG.info(() -> protocol.describe() + " closed: " + why);
    protocol.flooded(why);
    if (!closeConnection(EndReason.POLICY_VIOLATION)) {
      end(SocketCloses.FLOOD);
    }
  }

  /** A whole text message from the client. */
  public void onText(String text) {
    messages.text(text);
  }

  /** A binary frame (registered on the routes whose protocol answers them). */
  public void onBinary() {
    messages.binary();
  }

  /** The socket closed (the client left, or the network failed). */
  public void onSocketClosed() {
    ended = true;
    startWatchdog.cancel(false);
    closeConnection(EndReason.CLIENT_CLOSED);
  }

  /** The container reported an error on the socket. */
  public void onSocketError(Throwable error) {
    LOG.log(Level.FINE, "Socket error on " + protocol.describe(), error);
    fail();
  }

  // ---- for the protocols ----

  StreamDefinition stream() {
    return stream;
  }

  SocketProtocol protocol() {
    return protocol;
  }

  /** Queues a text frame for the client. */
  void send(String text) {
    sender.send(text);
  }

  /**
   * Admits the connection {@code id}, or closes the socket when the stream refuses it. On success
   * {@code prepare} runs before the connection is attached, then the handler starts.
   *
   * @throws InvalidRequestException when this socket has already started
   */
  void admit(String id, Consumer<Connection> prepare, Supplier<String> started) {
    Connection c;
    synchronized (this) {
      if (connection != null) {
        throw new InvalidRequestException(protocol.alreadyStarted(connection.id()));
      }
      Admission admission;
      try {
        admission =
            registry.admit(
                stream,
                id,
                owner,
                protocol instanceof TwilioProtocol ? "telephone" : "websocket",
                handlers);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not create the handler of stream " + stream.name(), e);
        protocol.handlerUnavailable();
        end(SocketCloses.HANDLER_UNAVAILABLE);
        return;
      }
      if (!admission.isAdmitted()) {
        end(protocol.refuse(id, admission));
        return;
      }
      c = admission.connection();
      prepare.accept(c);
      input.open(c, services.resamplers());
      c.attach(this, remoteAddress);
      connection = c;
    }
    startWatchdog.cancel(false);
    LOG.fine(started);
    c.markConnected();
    c.start();
  }

  /** The caller's audio at {@code sampleRate}, on its way to the handler in 20 ms frames. */
  void input(short[] pcm, int sampleRate) {
    input.accept(pcm, sampleRate);
  }

  /** The client said {@code stop}. */
  void stop() {
    if (!closeConnection(EndReason.CLIENT_CLOSED)) {
      end(SocketCloses.STOP);
    }
  }

  /** Closes the socket before any connection exists. */
  void end(CloseReason reason) {
    ended = true;
    startWatchdog.cancel(false);
    sender.close(reason);
  }

  private boolean closeConnection(EndReason reason) {
    Connection c = connection;
    if (c != null) {
      c.close(reason);
    }
    return c != null;
  }

  private void fail() {
    if (!closeConnection(EndReason.TRANSPORT_FAILED)) {
      end(SocketCloses.INTERNAL_ERROR);
    }
  }

  private void startTimedOut() {
    if (connection == null && !ended) {
      protocol.report(
          "timeout", "no start event within " + START_TIMEOUT.toSeconds() + " s; closing");
      end(SocketCloses.NO_START);
    }
  }

  private void sendFailed(String why) {
    LOG.info(() -> protocol.describe() + " failed: " + why);
    fail();
  }

  /** The client's address where the container tells it (Jetty's and Tomcat's user property). */
  private static String remoteAddress(Session socket) {
    Object address = socket.getUserProperties().get("jakarta.websocket.endpoint.remoteAddress");
    return address == null ? null : address.toString();
  }

  // ---- Transport: the connection's side ----

  @Override
  public void sendText(String message) {
    protocol.sendText(message);
  }

  @Override
  public void pushAudio(short[] frame, int sampleRate, int channels) {
    protocol.pushAudio(Pcm.toMono(frame, channels));
  }

  /** No audio buffered: the protocol finishes its partial message and sends nothing after it. */
  @Override
  public void pushSilence(short[] frame, int sampleRate, int channels) {
    protocol.pushSilence();
  }

  @Override
  public void onFlush(long droppedMillis) {
    protocol.onFlush(droppedMillis);
  }

  @Override
  public String kind() {
    return protocol.isPhone() ? "telephone" : "websocket";
  }

  @Override
  public boolean isPhone() {
    return protocol.isPhone();
  }

  @Override
  public boolean reportsPlaybackEnd() {
    return protocol.reportsPlaybackEnd();
  }

  @Override
  public void close() {
    ended = true;
    startWatchdog.cancel(false);
    input.close();
    protocol.closeOutput();
    Connection c = connection;
    sender.close(protocol.closeReason(c == null ? null : c.endReason()));
  }
}
