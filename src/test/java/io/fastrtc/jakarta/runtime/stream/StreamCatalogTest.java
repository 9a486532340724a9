package io.fastrtc.jakarta.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.Input;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.testing.RecordingHandler;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Discovery of declared streams and the catalog built from them. */
class StreamCatalogTest {
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @RealtimeStream(name = "b", modality = Modality.AUDIO)
  static class B extends RecordingHandler {}

  @RealtimeStream(name = "a", modality = Modality.AUDIO, isDefault = true)
  static class A extends RecordingHandler {}

  @RealtimeStream(name = "a", modality = Modality.AUDIO)
  static class AlsoA extends RecordingHandler {}

  @RealtimeStream(name = "c", modality = Modality.AUDIO, isDefault = true)
  static class AlsoDefault extends RecordingHandler {}

  public record BadDefault(@Input(defaultValue = "2") @Max(1) int x) {}

  @RealtimeStream(name = "bad", modality = Modality.AUDIO, inputs = BadDefault.class)
  static class WithBadDefault extends RecordingHandler {}

  static class NotAStream {}

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  private static Settings config(Map<String, ?> values) {
    Map<String, String> text = new java.util.HashMap<>();
    values.forEach((key, value) -> text.put(key, String.valueOf(value)));
    return Settings.from(text);
  }

  private static List<StreamDefinition> discover(
      Map<String, ?> config, List<IllegalStateException> errors, Class<?>... beans) {
    StreamDeclarations declarations = new StreamDeclarations();
    for (Class<?> bean : beans) {
      declarations.add(bean);
    }
    declarations.validate(config(config), errors::add);
    return declarations.definitions();
  }

  @Test
  void theCatalogIsSortedByNameWithOverridesAndItsDefault() {
    List<IllegalStateException> errors = new ArrayList<>();
    List<StreamDefinition> found = discover(Map.of(), errors, B.class, NotAStream.class, A.class);

    StreamCatalog catalog =
        StreamCatalog.load(
            found, config(Map.of("fastrtc.stream.b.concurrency-limit", 7)), VALIDATOR);

    assertThat(errors).isEmpty();
    assertThat(catalog.all()).extracting(StreamDefinition::name).containsExactly("a", "b");
    assertThat(catalog.find("b"))
        .hasValueSatisfying(b -> assertThat(b.concurrencyLimit()).isEqualTo(7));
    assertThat(catalog.defaultStream())
        .hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("a"));
    assertThat(catalog.find("none")).isEmpty();
  }

  @Test
  void theOnlyStreamIsTheDefaultAndASwitchedOffStreamIsLeftOut() {
    List<IllegalStateException> errors = new ArrayList<>();
    List<StreamDefinition> found =
        discover(Map.of("fastrtc.stream.a.enabled", false), errors, A.class, B.class);

    StreamCatalog catalog = StreamCatalog.load(found, config(Map.of()), VALIDATOR);

    assertThat(catalog.all()).extracting(StreamDefinition::name).containsExactly("b");
    assertThat(catalog.defaultStream())
        .hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("b"));
  }

  @Test
  void duplicateNamesAndTwoDefaultsAreDeploymentErrors() {
    List<IllegalStateException> errors = new ArrayList<>();
    discover(Map.of(), errors, A.class, AlsoA.class, AlsoDefault.class);

    assertThat(errors)
        .extracting(Throwable::getMessage)
        .anySatisfy(m -> assertThat(m).contains("\"a\" is declared by both"))
        .anySatisfy(m -> assertThat(m).contains("more than one @RealtimeStream(isDefault = true)"));
  }

  @Test
  void inputDefaultsThatBreakTheirConstraintsFailTheCatalog() {
    List<StreamDefinition> found = discover(Map.of(), new ArrayList<>(), WithBadDefault.class);

    assertThatThrownBy(() -> StreamCatalog.load(found, config(Map.of()), VALIDATOR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(BadDefault.class.getName())
        .hasMessageContaining(WithBadDefault.class.getName());
  }
}
