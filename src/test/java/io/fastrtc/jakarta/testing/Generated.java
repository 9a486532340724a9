package io.fastrtc.jakarta.testing;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded generators and a {@link #forAll} runner for property tests in plain JUnit 5.
 *
 * <p>Every run draws its cases from one {@link Random} seeded with {@code -Dproperties.seed=N}, or
 * with a fresh seed when the property is not set. A failing case throws an {@link AssertionError}
 * naming the seed, the case number and the input, so {@code mvn test -Dtest=FooPropertiesTest
 * -Dproperties.seed=N} replays exactly the same cases. There is no shrinking: generators are kept
 * small and biased towards edge cases (empty, zero, the bounds) instead.
 */
public final class Generated {
  /** The system property that fixes the seed of every property run. */
  public static final String SEED_PROPERTY = "properties.seed";

  private static final String EDGE_CHARS = "\u0000\t\n\r \"\\/{}[]:,\u007f\u00e9\ud800\udc00\uffff";

  private Generated() {}

  /**
   * Runs {@code property} on {@code tries} values of {@code gen}.
   *
   * @param <T> the input type
   * @param tries how many cases
   * @param gen the input generator
   * @param property throws (an {@link AssertionError} or any exception) when the property fails
   * @throws AssertionError naming the seed, the case and its input when a case fails
   */
  public static <T> void forAll(int tries, Gen<T> gen, Consumer<? super T> property) {
    long seed = seed();
    Random random = new Random(seed);
    for (int i = 1; i <= tries; i++) {
      T input = gen.next(random);
      try {
        property.accept(input);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            String.format(
                "property failed on case %d of %d (replay with -D%s=%d)%n  input: %s%n  cause: %s",
                i, tries, SEED_PROPERTY, seed, describe(input), e),
            e);
      }
    }
  }

  /**
   * One of the given values, each equally likely.
   *
   * @param <T> the value type
   * @param values at least one
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> of(T... values) {
    return of(Arrays.asList(values));
  }

  /**
   * One of the given values, each equally likely.
   *
   * @param <T> the value type
   * @param values at least one
   * @return the generator
   */
  public static <T> Gen<T> of(Collection<? extends T> values) {
    List<T> list = List.copyOf(values);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    return r -> list.get(r.nextInt(list.size()));
  }

  /**
   * A value of one of the given generators, each generator equally likely.
   *
   * @param <T> the value type
   * @param gens at least one
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = List.of(gens);
    return r -> list.get(r.nextInt(list.size())).next(r);
  }

  /**
   * An int from {@code min} to {@code max} inclusive; the bounds come up more often than chance.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the generator
   */
  public static Gen<Integer> ints(int min, int max) {
    return r -> {
      int pick = r.nextInt(10);
      if (pick == 0) {
        return min;
      }
      if (pick == 1) {
        return max;
      }
      return (int) (min + (long) (r.nextDouble() * ((long) max - min + 1)));
    };
  }

  /**
   * Any int, biased towards 0, ±1 and the extremes.
   *
   * @return the generator
   */
  public static Gen<Integer> ints() {
    return oneOf(of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE), Random::nextInt);
  }

  /**
   * Any long, biased towards 0, ±1 and the extremes.
   *
   * @return the generator
   */
  public static Gen<Long> longs() {
    return oneOf(of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE), Random::nextLong);
  }

  /**
   * Any double, including the infinities, NaN, zero signs and extremes.
   *
   * @return the generator
   */
  public static Gen<Double> doubles() {
    Gen<Double> edges =
        of(
            0.0,
            -0.0,
            1.0,
            Double.MAX_VALUE,
            Double.MIN_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY);
    return oneOf(
        edges,
        r -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20),
        r -> Double.longBitsToDouble(r.nextLong()));
  }

  /**
   * A boolean.
   *
   * @return the generator
   */
  public static Gen<Boolean> booleans() {
    return Random::nextBoolean;
  }

  /**
   * Strings of 0 to {@code maxLength} characters drawn from {@code chars}.
   *
   * @param chars the alphabet, not empty
   * @param maxLength the longest string
   * @return the generator
   */
  public static Gen<String> strings(String chars, int maxLength) {
    return r -> {
      int length = size(r, maxLength);
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(chars.charAt(r.nextInt(chars.length())));
      }
      return out.toString();
    };
  }

  /**
   * Strings of 0 to {@code maxLength} arbitrary chars: mostly printable ASCII, also JSON and
   * control characters, any BMP char, and lone surrogates.
   *
   * @param maxLength the longest string
   * @return the generator
   */
  public static Gen<String> strings(int maxLength) {
    return r -> {
      int length = size(r, maxLength);
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(anyChar(r));
      }
      return out.toString();
    };
  }

  /**
   * Text safe to print in a failure message: control chars, non-ASCII and surrogates escaped.
   *
   * @param value any value, may be null
   * @return its {@code toString} with escapes
   */
  public static String describe(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static char anyChar(Random r) {
    int pick = r.nextInt(10);
    if (pick < 6) {
      return (char) (0x20 + r.nextInt(0x5f));
    }
    if (pick < 8) {
      return EDGE_CHARS.charAt(r.nextInt(EDGE_CHARS.length()));
    }
    return (char) r.nextInt(Character.MAX_VALUE + 1);
  }

  /** A size from 0 to max, with 0 and max more likely than chance. */
  static int size(Random r, int max) {
    int pick = r.nextInt(10);
    if (pick == 0) {
      return 0;
    }
    if (pick == 1) {
      return max;
    }
    return r.nextInt(max + 1);
  }

  private static long seed() {
    String fixed = System.getProperty(SEED_PROPERTY, "").trim();
    return fixed.isEmpty() ? new Random().nextLong() : Long.parseLong(fixed);
  }
}
