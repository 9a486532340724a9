package io.fastrtc.jakarta.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client that stops reading after the handshake: a raw socket with a small receive
 * buffer, so the server's frames pile up on the server's side. It can still send (masked text
 * frames), as a client whose reader is stuck would.
 */
final class StalledSocket implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final SecureRandom random = new SecureRandom();

  private StalledSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code ws://host:port/path} and reads the handshake's answer, nothing more. */
  static StalledSocket open(URI uri) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096); // before connect, so the window stays small
    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
    s.setSoTimeout(10_000);
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    String request =
        "GET "
            + uri.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(key)
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    String head = readHead(s.getInputStream());
    if (!head.startsWith("HTTP/1.1 101")) {
      s.close();
      throw new IOException("no WebSocket upgrade: " + head);
    }
    return new StalledSocket(s);
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read(); // one byte at a time: nothing of the first frame is consumed
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** Sends one masked text frame; false once the server has gone (the write fails). */
  boolean sendText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    random.nextBytes(mask);
    try {
      int n = payload.length;
      byte[] header;
      if (n < 126) {
        header = new byte[] {(byte) 0x81, (byte) (0x80 | n)};
      } else if (n < 65_536) {
        header = new byte[] {(byte) 0x81, (byte) (0x80 | 126), (byte) (n >> 8), (byte) n};
      } else {
        throw new IllegalArgumentException("frame too large for this client: " + n);
      }
      byte[] masked = new byte[n];
      for (int i = 0; i < n; i++) {
        masked[i] = (byte) (payload[i] ^ mask[i % 4]);
      }
      out.write(header);
      out.write(mask);
      out.write(masked);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Bytes the client has not read, as far as its own buffer tells. */
  int unread() {
    try {
      return socket.getInputStream().available();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
