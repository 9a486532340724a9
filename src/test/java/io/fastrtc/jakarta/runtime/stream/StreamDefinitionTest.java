package io.fastrtc.jakarta.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import io.fastrtc.jakarta.testing.RecordingHandler;
import org.junit.jupiter.api.Test;

class StreamDefinitionTest {
  @RealtimeStream(name = "ok", modality = Modality.AUDIO)
  static class Ok extends RecordingHandler {}

  @RealtimeStream(name = "bad", modality = Modality.AUDIO, outputSampleRate = 22_050)
  static class OddRate extends RecordingHandler {}

  @RealtimeStream(name = "zero", modality = Modality.AUDIO, concurrencyLimit = 0)
  static class ZeroLimit extends RecordingHandler {}

  @RealtimeStream(name = "Bad Name", modality = Modality.AUDIO)
  static class BadName extends RecordingHandler {}

  @RealtimeStream(name = "nothandler", modality = Modality.AUDIO)
  static class NotAHandler {}

  @RealtimeStream(name = "flip", modality = Modality.VIDEO)
  static class Flip implements VideoHandler {
    @Override
    public VideoResult process(VideoFrame frame) {
      return frame;
    }
  }

  @RealtimeStream(name = "gen", modality = Modality.VIDEO, mode = Mode.RECEIVE)
  static class HandlerWhereAGeneratorBelongs extends Flip {}

  @RealtimeStream(name = "fast", modality = Modality.VIDEO, fps = 120)
  static class TooFast extends Flip {}

  @RealtimeStream(name = "av-send", modality = Modality.AUDIO_VIDEO, mode = Mode.SEND)
  static class AudioVideoSend extends RecordingHandler {}

  @RealtimeStream(name = "av", modality = Modality.AUDIO_VIDEO)
  static class AudioOnlyHandlerForAudioVideo extends RecordingHandler {}

  @RealtimeStream(
      name = "dup-out",
      modality = Modality.AUDIO,
      outputs = {@Output(name = "level"), @Output(name = "level")})
  static class DuplicateOutput extends RecordingHandler {}

  @RealtimeStream(name = "bad-in", modality = Modality.AUDIO, inputs = BadInputs.class)
  static class BadInputsStream extends RecordingHandler {}

  public record BadInputs(Object anything) {}

  @RealtimeStream(
      name = "io",
      modality = Modality.AUDIO,
      inputs = InputsOk.class,
      outputs = {@Output(name = "level"), @Output(name = "log", kind = OutputKind.LOG)})
  static class WithInputsAndOutputs extends RecordingHandler {}

  public record InputsOk(int x) {}

  @Test
  void inputsAndOutputsAreReadFromTheAnnotation() {
    StreamDefinition d = StreamDefinition.of(WithInputsAndOutputs.class);
    assertThat(d.inputs().type()).isEqualTo(InputsOk.class);
    assertThat(d.outputs())
        .containsExactly(
            new OutputSpec("level", OutputKind.VALUE, "level"),
            new OutputSpec("log", OutputKind.LOG, "log"));
    assertThat(StreamDefinition.of(Ok.class).inputs().isTyped()).isFalse();
  }

  @Test
  void badInputsOrOutputsNameTheBean() {
    assertThatThrownBy(() -> StreamDefinition.of(DuplicateOutput.class))
        .hasMessageContaining("\"level\" is declared twice")
        .hasMessageContaining(DuplicateOutput.class.getName());
    assertThatThrownBy(() -> StreamDefinition.of(BadInputsStream.class))
        .hasMessageContaining("input \"anything\" has type java.lang.Object")
        .hasMessageContaining(BadInputsStream.class.getName());
  }

  @Test
  void defaultsMatchFastRtc() {
    StreamDefinition d = StreamDefinition.of(Ok.class);
    assertThat(d.concurrencyLimit()).isEqualTo(1);
    assertThat(d.inputSampleRate()).isEqualTo(48_000);
    assertThat(d.outputSampleRate()).isEqualTo(24_000);
    assertThat(d.timeLimitSeconds()).isZero();
    assertThat(d.basePath()).isEqualTo("/streams/ok");
    assertThat(d.fps()).isEqualTo(30);
    assertThat(d.skipFrames()).isFalse();
    assertThat(d.allowExtraTracks()).isFalse();
  }

  @Test
  void videoHandlersServeVideoStreams() {
    StreamDefinition d = StreamDefinition.of(Flip.class);
    assertThat(d.receivesVideo()).isTrue();
    assertThat(d.sendsVideo()).isTrue();
    assertThat(d.sendsAudio()).isFalse();
  }

  @Test
  void theHandlerTypeMustFitModalityAndModeLikeFastRtcsTable() {
    assertThatThrownBy(() -> StreamDefinition.of(HandlerWhereAGeneratorBelongs.class))
        .hasMessageContaining("a VIDEO stream in mode RECEIVE must implement")
        .hasMessageContaining("VideoGenerator")
        .hasMessageContaining(HandlerWhereAGeneratorBelongs.class.getName());
    assertThatThrownBy(() -> StreamDefinition.of(AudioOnlyHandlerForAudioVideo.class))
        .hasMessageContaining("AudioVideoStreamHandler");
    assertThatThrownBy(() -> StreamDefinition.of(TooFast.class))
        .hasMessageContaining("fps must be between 1 and 60, not 120");
  }

  @Test
  void audioVideoSendAndReceiveAreRefusedAtDeployWithTheReason() {
    assertThatThrownBy(() -> StreamDefinition.of(AudioVideoSend.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("modality AUDIO_VIDEO supports only mode SEND_RECEIVE, not SEND")
        .hasMessageContaining("use modality VIDEO or AUDIO for a one-way stream")
        .hasMessageContaining(AudioVideoSend.class.getName());
  }

  @Test
  void invalidDeclarationsNameTheBean() {
    assertThatThrownBy(() -> StreamDefinition.of(OddRate.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outputSampleRate")
        .hasMessageContaining(OddRate.class.getName());
    assertThatThrownBy(() -> StreamDefinition.of(ZeroLimit.class))
        .hasMessageContaining("concurrencyLimit")
        .hasMessageContaining(ZeroLimit.class.getName());
    assertThatThrownBy(() -> StreamDefinition.of(BadName.class))
        .hasMessageContaining("Bad Name")
        .hasMessageContaining(BadName.class.getName());
    assertThatThrownBy(() -> StreamDefinition.of(NotAHandler.class))
        .hasMessageContaining("must implement")
        .hasMessageContaining(NotAHandler.class.getName());
  }

  @Test
  void serverOverridesKeepEverythingElse() {
    StreamDefinition d = StreamDefinition.of(Ok.class).withLimits(20, 60);
    assertThat(d.concurrencyLimit()).isEqualTo(20);
    assertThat(d.timeLimitSeconds()).isEqualTo(60);
    assertThat(d.name()).isEqualTo("ok");
  }
}
