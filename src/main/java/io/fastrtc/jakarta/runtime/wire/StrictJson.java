package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The one strict JSON reader of everything a client sends: exactly one JSON object (nothing but
 * white space after it, so {@code {}{}} and {@code {} x} are refused), nested at most {@value
 * #MAX_DEPTH} levels, no key twice in one object, and numbers of a sane size (a literal such as
 * {@code 1e999999999} would make a later conversion take seconds). Every problem is an {@link
 * InvalidRequestException} whose message names {@code what} was wrong, for the client. The size is
 * bounded by the callers, before the text is read.
 */
final class StrictJson {
  /** The deepest nesting accepted: objects and arrays inside each other. */
  static final int MAX_DEPTH = 32;

  /** The most significant digits, and the largest decimal exponent, a number may have. */
  static final int MAX_NUMBER_DIGITS = 400;

  /** Looked up once: {@code Json.create...} searches the service loader on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private StrictJson() {}

  /**
   * Reads {@code text} as exactly one JSON object.
   *
   * @param what what the text is, for messages: {@code "the request body"}, {@code "the message"}
   * @throws InvalidRequestException saying what is wrong
   */
  static JsonObject object(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException(what + " is empty; expected a JSON object");
    }
    check(text, what);
    JsonValue value;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidRequestException(what + " is not valid JSON: " + e.getMessage());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException(what + " must be a JSON object");
    }
    return value.asJsonObject();
  }

  /** One pass over the tokens: depth, duplicate keys, numbers, and nothing after the value. */
  private static void check(String text, String what) {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      Deque<Set<String>> keys = new ArrayDeque<>();
      int depth = 0;
      do {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw new InvalidRequestException(
                  what + " nests deeper than " + MAX_DEPTH + " levels");
            }
            keys.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            keys.pop();
          }
          case KEY_NAME -> {
            if (!keys.peek().add(parser.getString())) {
              throw new InvalidRequestException(
                  what + " has the key \"" + parser.getString() + "\" twice in one object");
            }
          }
          case VALUE_NUMBER -> checkNumber(parser.getString(), what);
          default -> {}
        }
      } while (depth > 0);
      trailing(parser, what);
    } catch (JsonException | NoSuchElementException | IllegalStateException e) {
      throw new InvalidRequestException(what + " is not valid JSON: " + e.getMessage());
    }
  }

  private static void trailing(JsonParser parser, String what) {
    boolean more;
    try {
      more = parser.hasNext();
    } catch (JsonException e) {
      more = true;
    }
    if (more) {
      throw new InvalidRequestException(
          what + " must be exactly one JSON value, but more follows it");
    }
  }

  private static void checkNumber(String literal, String what) {
    BigDecimal n;
    try {
      n = new BigDecimal(literal);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(what + " has an invalid number: " + abbreviate(literal));
    }
    if (n.precision() > MAX_NUMBER_DIGITS || Math.abs((long) n.scale()) > MAX_NUMBER_DIGITS) {
      throw new InvalidRequestException(
          what + " has a number out of range (over " + MAX_NUMBER_DIGITS + " digits or exponent)");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
