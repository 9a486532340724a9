package io.fastrtc.jakarta.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests: reads {@code event:}, {@code id:} and {@code data:} lines
 * into a queue, with timed {@link #next(Duration)} and {@link #awaitEnd(Duration)}.
 */
public final class SseReader implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * One event.
   *
   * @param name the event name ({@code message} when absent)
   * @param id the event id, or null
   * @param data the data lines joined with newlines
   */
  public record Event(String name, String id, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final HttpResponse<Stream<String>> response;

  private SseReader(HttpResponse<Stream<String>> response) {
    this.response = response;
  }

  /**
   * Opens the stream and returns once the response headers arrived.
   *
   * @param lastEventId sent as {@code Last-Event-ID}, or null
   */
  public static SseReader open(URI uri, String lastEventId)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    SseReader reader = new SseReader(response);
    if (response.statusCode() == 200) {
      Thread pump = new Thread(reader::pump, "sse-reader " + uri.getPath());
      pump.setDaemon(true);
      pump.start();
    } else {
      reader.ended.countDown();
    }
    return reader;
  }

  private void pump() {
    String name = null;
    String id = null;
    StringBuilder data = null;
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(name == null ? "message" : name, id, data.toString()));
          }
          name = null;
          id = null;
          data = null;
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          String d = line.substring(5);
          d = d.startsWith(" ") ? d.substring(1) : d;
          data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
        }
      }
    } catch (RuntimeException e) {
      // The stream was closed under us: that is an end too.
    } finally {
      ended.countDown();
    }
  }

  /** The HTTP status. */
  public int status() {
    return response.statusCode();
  }

  /** The body of a non-200 response (empty for a stream). */
  public String errorBody() {
    if (status() == 200) {
      return "";
    }
    try (Stream<String> lines = response.body()) {
      return String.join("\n", lines.toList());
    }
  }

  /** The next event; fails after {@code timeout}. */
  public Event next(Duration timeout) throws InterruptedException {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError(
          "no SSE event within " + timeout.toMillis() + " ms (ended: " + hasEnded() + ")");
    }
    return e;
  }

  /** The next {@code count} events named {@code name}, skipping others. */
  public List<Event> next(String name, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Event> out = new ArrayList<>();
    while (out.size() < count) {
      Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (e.name().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Whether the server ended the stream. */
  public boolean hasEnded() {
    return ended.getCount() == 0;
  }

  /** Waits for the server to end the stream. */
  public void awaitEnd(Duration timeout) throws InterruptedException {
    if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the event stream did not end within " + timeout.toMillis() + " ms");
    }
  }

  @Override
  public void close() {
    if (!hasEnded()) {
      response.body().close();
    }
  }
}
