package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One declared additional output.
 *
 * @param name the name, unique in its stream
 * @param kind how a UI shows it
 * @param label the UI label
 */
public record OutputSpec(String name, OutputKind kind, String label) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** Checks for nulls. */
  public OutputSpec {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(kind, "kind == null");
    label = label == null || label.isEmpty() ? name : label;
  }

  /**
   * Reads and checks the declared outputs of a stream.
   *
   * @throws IllegalStateException on a bad or duplicate name
   */
  static List<OutputSpec> of(Output[] outputs, String where) {
    List<OutputSpec> specs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Output o : outputs) {
      if (!NAME.matcher(o.name()).matches()) {
        throw new IllegalStateException(
            "@Output name \"" + o.name() + "\" must match " + NAME.pattern() + where);
      }
      if (!names.add(o.name())) {
        throw new IllegalStateException(
            "@Output name \"" + o.name() + "\" is declared twice" + where);
      }
      specs.add(new OutputSpec(o.name(), o.kind(), o.label()));
    }
    return List.copyOf(specs);
  }
}
