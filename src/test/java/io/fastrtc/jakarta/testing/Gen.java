package io.fastrtc.jakarta.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator for property tests: draws one value from the random source it is given; see {@link
 * Generated}.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {
  /**
   * Draws a value.
   *
   * @param random the run's random source
   * @return the value
   */
  T next(Random random);

  /**
   * Maps each generated value.
   *
   * @param <R> the new type
   * @param f the mapping
   * @return the mapped generator
   */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return r -> f.apply(next(r));
  }

  /**
   * Keeps only values that pass {@code test}, drawing again (up to 1000 times) otherwise.
   *
   * @param test the condition
   * @return the filtered generator
   */
  default Gen<T> filter(Predicate<? super T> test) {
    return r -> {
      for (int i = 0; i < 1000; i++) {
        T value = next(r);
        if (test.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("filter rejected 1000 values in a row");
    };
  }

  /**
   * Returns null instead of a value with the given probability.
   *
   * @param probability from 0 to 1
   * @return the generator that sometimes yields null
   */
  default Gen<T> orNull(double probability) {
    return r -> r.nextDouble() < probability ? null : next(r);
  }

  /**
   * A list of 0 to {@code maxSize} values of this generator.
   *
   * @param maxSize the largest size
   * @return the list generator
   */
  default Gen<List<T>> list(int maxSize) {
    return r -> {
      int size = Generated.size(r, maxSize);
      List<T> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(next(r));
      }
      return out;
    };
  }
}
