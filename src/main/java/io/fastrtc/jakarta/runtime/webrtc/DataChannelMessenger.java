package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client's data channel of a {@link PeerSession}: text messages queued until the channel opens,
 * then sent; the channel's opening starts the connection and its closing ends it. Its libwebrtc
 * callbacks only hand work off. The queue, the channel and the session's closed flag are read
 * together under one lock, so nothing is queued or sent once {@link #close()} took the channel.
 */
final class DataChannelMessenger {
  private static final Logger LOG = Logger.getLogger(DataChannelMessenger.class.getName());
  private static final int MAX_QUEUED_MESSAGES = 256;

  private final Connection connection;
  private final CallbackHandOff handOff;
  private final BooleanSupplier closed;
  private final ArrayDeque<String> queued = new ArrayDeque<>();
  private volatile RTCDataChannel channel;
  private volatile DetachableChannelObserver observer;

  /**
   * @param closed whether the session is closed (set before {@link #close()} is called)
   */
  DataChannelMessenger(Connection connection, CallbackHandOff handOff, BooleanSupplier closed) {
    this.connection = connection;
    this.handOff = handOff;
    this.closed = closed;
  }

  /** Sends a text message, or queues it (up to a bound) while the channel is not open. */
  void sendText(String message) {
    synchronized (queued) {
      RTCDataChannel dc = channel;
      if (closed.getAsBoolean()) {
        return;
      }
      if (dc == null || dc.getState() != RTCDataChannelState.OPEN) {
        if (queued.size() < MAX_QUEUED_MESSAGES) {
          queued.addLast(message);
        }
        return;
      }
      send(dc, message);
    }
  }

  private void send(RTCDataChannel dc, String message) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8));
      dc.send(new RTCDataChannelBuffer(bytes, false));
    } catch (Exception e) {
      LOG.log(Level.FINE, "Data channel send failed on " + connection.id(), e);
    }
  }

  /** Takes the client's channel (libwebrtc's signalling thread: never blocks, never throws). */
  void attach(RTCDataChannel dc) {
    channel = dc;
    DetachableChannelObserver shell =
        new DetachableChannelObserver(
            new RTCDataChannelObserver() {
              @Override
              public void onBufferedAmountChange(long previousAmount) {}

              @Override
              public void onStateChange() {
                RTCDataChannelState state = dc.getState();
                if (state == RTCDataChannelState.OPEN) {
                  handOff.run(() -> opened(dc));
                } else if (state == RTCDataChannelState.CLOSING
                    || state == RTCDataChannelState.CLOSED) {
                  // The client's only channel is going away: the session is over. Reacting to
                  // CLOSING too matters when the client's peer is gone before the close handshake
                  // finishes, which would leave the channel CLOSING forever.
                  handOff.run(() -> connection.close(EndReason.CLIENT_CLOSED));
                }
              }

              @Override
              public void onMessage(RTCDataChannelBuffer buffer) {
                if (!buffer.binary) {
                  ByteBuffer data = buffer.data;
                  byte[] bytes = new byte[data.remaining()];
                  data.get(bytes);
                  String text = new String(bytes, StandardCharsets.UTF_8);
                  handOff.run(() -> sendText(ChannelMessages.received(text)));
                }
              }
            });
    observer = shell;
    dc.registerObserver(shell); // the library never lets go of it: see DetachableChannelObserver
  }

  private void opened(RTCDataChannel dc) {
    synchronized (queued) {
      if (closed.getAsBoolean() || channel != dc) {
        return;
      }
      for (String next = queued.pollFirst(); next != null; next = queued.pollFirst()) {
        send(dc, next);
      }
    }
    connection.start();
  }

  /**
   * Lets queued messages (e.g. a final error) leave, then closes and disposes the channel. Call
   * once, from the session's close, while the peer connection lives.
   */
  void close() {
    RTCDataChannel dc;
    synchronized (queued) {
      dc = channel;
      channel = null;
    }
    DetachableChannelObserver shell = observer;
    observer = null;
    if (shell != null) {
      shell.detach();
    }
    if (dc != null) {
      drain(dc);
      dc.unregisterObserver();
      dc.close();
      dc.dispose();
    }
  }

  /** Gives buffered data-channel messages a moment to leave. */
  private static void drain(RTCDataChannel dc) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
    while (dc.getState() == RTCDataChannelState.OPEN
        && dc.getBufferedAmount() > 0
        && System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
