package io.fastrtc.jakarta.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.Input;
import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.api.InvalidInputsException.FieldError;
import io.fastrtc.jakarta.api.NoInputs;
import jakarta.json.Json;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class InputSpecTest {
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  public enum Speed {
    SLOW,
    FAST
  }

  public record Tone(
      @Input(label = "Frequency (Hz)", defaultValue = "660") @Min(100) @Max(2000) int frequency,
      @Input(label = "Gain", defaultValue = "0.3", step = 0.01) @DecimalMin("0") @DecimalMax("1")
          double gain,
      @Input(defaultValue = "true") boolean on,
      @Input(defaultValue = "FAST") Speed speed,
      @Input(defaultValue = "hi") @NotBlank String word) {}

  public record WithNoArgs(@Min(1) int count) {
    public WithNoArgs() {
      this(7);
    }
  }

  public record Zeros(int a, Double b, boolean c, String d, Speed e) {}

  public record BadDefault(@Input(defaultValue = "2") @Max(1) int x) {}

  public record BadType(java.time.Duration d) {}

  record NotPublic(int x) {}

  public record LookAlike(
      @io.fastrtc.jakarta.runtime.stream.lookalike.Min(5) int step,
      @io.fastrtc.jakarta.runtime.stream.lookalike.Min(2) @Max(10) int even,
      @Min(1) @Max(9) int real) {}

  private static final InputSpec TONE = InputSpec.of(Tone.class, "");

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  @Test
  void defaultsComeFromTheAnnotationsTheNoArgConstructorOrZero() {
    assertThat(TONE.defaults()).isEqualTo(new Tone(660, 0.3, true, Speed.FAST, "hi"));
    assertThat(InputSpec.of(WithNoArgs.class, "").defaults()).isEqualTo(new WithNoArgs(7));
    assertThat(InputSpec.of(Zeros.class, "").defaults())
        .isEqualTo(new Zeros(0, null, false, "", Speed.SLOW));
  }

  @Test
  void aPartialUpdateKeepsTheOtherValuesAndConvertsJson() {
    Object next =
        TONE.merge(
            TONE.defaults(),
            Json.createObjectBuilder().add("frequency", 440).add("speed", "SLOW").build(),
            VALIDATOR);
    assertThat(next).isEqualTo(new Tone(440, 0.3, true, Speed.SLOW, "hi"));
    assertThat(TONE.toMap(next))
        .containsExactly(
            Map.entry("frequency", 440),
            Map.entry("gain", 0.3),
            Map.entry("on", true),
            Map.entry("speed", Speed.SLOW),
            Map.entry("word", "hi"));
  }

  @Test
  void javaValuesAndNumericStringsAreAcceptedUnknownNamesIgnored() {
    Object next =
        TONE.merge(
            TONE.defaults(),
            Map.of("gain", "0.5", "frequency", 1000L, "on", "false", "chatbot", "x"),
            VALIDATOR);
    assertThat(next).isEqualTo(new Tone(1000, 0.5, false, Speed.FAST, "hi"));
  }

  @Test
  void constraintViolationsListEveryFieldInDeclarationOrder() {
    assertThatThrownBy(
            () ->
                TONE.merge(
                    TONE.defaults(),
                    Json.createObjectBuilder()
                        .add("word", " ")
                        .add("gain", 1.5)
                        .add("frequency", 50)
                        .build(),
                    VALIDATOR))
        .isInstanceOfSatisfying(
            InvalidInputsException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::rejected)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("frequency", 50),
                        org.assertj.core.groups.Tuple.tuple("gain", 1.5),
                        org.assertj.core.groups.Tuple.tuple("word", " ")));
  }

  @Test
  void typeErrorsAreFieldErrorsToo() {
    assertThatThrownBy(
            () ->
                TONE.merge(
                    TONE.defaults(),
                    Json.createObjectBuilder()
                        .add("frequency", 440.5)
                        .add("gain", "loud")
                        .add("on", 1)
                        .add("speed", "WARP")
                        .addNull("word")
                        .build(),
                    VALIDATOR))
        .isInstanceOfSatisfying(
            InvalidInputsException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "frequency", "must be an integer in range"),
                        org.assertj.core.groups.Tuple.tuple("gain", "must be a number"),
                        org.assertj.core.groups.Tuple.tuple("on", "must be true or false"),
                        org.assertj.core.groups.Tuple.tuple("speed", "must be one of [SLOW, FAST]"),
                        org.assertj.core.groups.Tuple.tuple("word", "must not be blank")));
  }

  @Test
  void aTypeErrorStillListsTheConstraintsOtherFieldsBreak() {
    assertThatThrownBy(
            () ->
                TONE.merge(
                    TONE.defaults(),
                    Json.createObjectBuilder().add("frequency", 5000).add("gain", "loud").build(),
                    VALIDATOR))
        .isInstanceOfSatisfying(
            InvalidInputsException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "frequency", "must be less than or equal to 2000"),
                        org.assertj.core.groups.Tuple.tuple("gain", "must be a number")));
  }

  @Test
  void nullIsRefusedForPrimitivesAndLeftToConstraintsOtherwise() {
    assertThatThrownBy(
            () ->
                TONE.merge(
                    TONE.defaults(), Json.createObjectBuilder().addNull("gain").build(), VALIDATOR))
        .hasMessageContaining("gain must not be null");
    assertThatThrownBy(
            () ->
                TONE.merge(
                    TONE.defaults(), Json.createObjectBuilder().addNull("word").build(), VALIDATOR))
        .isInstanceOfSatisfying(
            InvalidInputsException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("word"));
  }

  @Test
  void checkRefusesAnotherTypeAndAnInvalidRecord() {
    assertThatThrownBy(() -> TONE.check(new WithNoArgs(1), VALIDATOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Tone.class.getName());
    assertThatThrownBy(() -> TONE.check(new Tone(5, 0, true, Speed.FAST, "x"), VALIDATOR))
        .isInstanceOf(InvalidInputsException.class);
  }

  @Test
  void untypedStreamsKeepWhateverJsonTheClientSends() {
    InputSpec untyped = InputSpec.of(NoInputs.class, "");
    assertThat(untyped.isTyped()).isFalse();
    Object next =
        untyped.merge(
            untyped.defaults(),
            Json.createObjectBuilder()
                .add(
                    "chatbot",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")))
                .add("n", 2)
                .build(),
            VALIDATOR);
    assertThat(untyped.toMap(next))
        .containsEntry("n", new BigDecimal(2))
        .containsEntry("chatbot", List.of(Map.of("role", "user")));
    assertThat(untyped.describe(VALIDATOR)).isEmpty();
  }

  @Test
  void badDeclarationsFailWithTheRecordName() {
    assertThatThrownBy(() -> InputSpec.of(BadType.class, " (stream bean X)"))
        .hasMessageContaining("input \"d\" has type java.time.Duration")
        .hasMessageContaining(BadType.class.getName())
        .hasMessageEndingWith("(stream bean X)");
    assertThatThrownBy(() -> InputSpec.of(NotPublic.class, ""))
        .hasMessageContaining("must be public");
    InputSpec bad = InputSpec.of(BadDefault.class, "");
    assertThatThrownBy(() -> bad.validateDefaults(VALIDATOR, " (stream bean Y)"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("x must be less than or equal to 1")
        .hasMessageContaining(BadDefault.class.getName());
  }

  @Test
  void metadataDescribesTypesDefaultsWidgetsAndConstraints() {
    List<Map<String, Object>> inputs = TONE.describe(VALIDATOR);
    assertThat(inputs)
        .extracting(m -> m.get("name"))
        .containsExactly("frequency", "gain", "on", "speed", "word");
    Map<String, Object> frequency = inputs.get(0);
    assertThat(frequency)
        .containsEntry("label", "Frequency (Hz)")
        .containsEntry("type", "integer")
        .containsEntry("default", 660)
        .containsEntry("min", 100L)
        .containsEntry("max", 2000L)
        .containsEntry("step", 1)
        .containsEntry("widget", "slider");
    assertThat(inputs.get(1))
        .containsEntry("type", "number")
        .containsEntry("min", new BigDecimal("0"))
        .containsEntry("max", new BigDecimal("1"))
        .containsEntry("step", 0.01)
        .containsEntry("widget", "slider");
    assertThat(inputs.get(1).get("constraints").toString())
        .contains("type=DecimalMax", "value=1", "inclusive=true");
    assertThat(inputs.get(2)).containsEntry("widget", "checkbox").containsEntry("default", true);
    assertThat(inputs.get(3))
        .containsEntry("widget", "select")
        .containsEntry("options", List.of("SLOW", "FAST"))
        .containsEntry("default", "FAST");
    assertThat(inputs.get(4)).containsEntry("widget", "text").containsEntry("required", true);
  }

  @Test
  void aConstraintIsRecognisedByItsTypeNotItsSimpleName() {
    List<Map<String, Object>> inputs = InputSpec.of(LookAlike.class, "").describe(VALIDATOR);

    assertThat(inputs.get(0))
        .doesNotContainKeys("min", "max")
        .containsEntry("widget", "number")
        .containsEntry("type", "integer");
    assertThat(inputs.get(0).get("constraints").toString()).contains("type=Min", "value=5");
    assertThat(inputs.get(1)).doesNotContainKey("min").containsEntry("max", 10L);
    assertThat(inputs.get(1)).containsEntry("widget", "number");
    assertThat(inputs.get(2))
        .containsEntry("min", 1L)
        .containsEntry("max", 9L)
        .containsEntry("widget", "slider");
  }

  @Test
  void boundsOfTheOtherBuiltInConstraints() {
    List<Map<String, Object>> inputs = InputSpec.of(Bounded.class, "").describe(VALIDATOR);

    assertThat(inputs.get(0))
        .containsEntry("min", 0)
        .containsEntry("minExclusive", true)
        .containsEntry("max", new BigDecimal("5"))
        .containsEntry("maxExclusive", true);
    assertThat(inputs.get(1)).containsEntry("max", 0).containsEntry("min", 0);
    assertThat(inputs.get(2))
        .containsEntry("minLength", 1)
        .containsEntry("maxLength", 8)
        .containsEntry("pattern", "[a-z]+")
        .containsEntry("required", true)
        .containsEntry("widget", "text");
  }

  public record Bounded(
      @Input(defaultValue = "1")
          @jakarta.validation.constraints.Positive
          @DecimalMax(value = "5", inclusive = false)
          double p,
      @jakarta.validation.constraints.NegativeOrZero @jakarta.validation.constraints.PositiveOrZero
          int zero,
      @Input(defaultValue = "abc")
          @jakarta.validation.constraints.Size(min = 1, max = 8)
          @jakarta.validation.constraints.Pattern(regexp = "[a-z]+")
          @jakarta.validation.constraints.NotNull
          String word) {}
}
