package io.fastrtc.jakarta.handlers.assistant;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.handlers.turn.Replies;
import io.fastrtc.jakarta.handlers.turn.ReplyOnPause;
import io.fastrtc.jakarta.handlers.turn.ReplyOptions;
import io.fastrtc.jakarta.handlers.turn.Utterance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * A voice assistant: after each pause it transcribes the turn; when the turn holds the wake word it
 * sends {@code {"type":"stopword","data":""}}, asks the {@link AnswerFunction} what follows the
 * wake word, publishes the transcript and the answer as the stream's two outputs ({@code
 * transcript}, {@code answer}) and speaks the answer sentence by sentence. The wake word alone
 * answers "Yes?" and the next turn is the question. Turns without it are shown but not answered.
 * Speech-to-text and text-to-speech are the server's beans ({@link SpeechToText}, {@link
 * TextToSpeech}), or the ones given to {@link #useSpeech}. Barge-in, greeting and options are
 * {@link ReplyOnPause}'s.
 *
 * <pre>{@code
 * @RealtimeStream(name = "helper", modality = Modality.AUDIO,
 *     outputs = {@Output(name = "transcript"), @Output(name = "answer")})
 * @Dependent
 * public class Helper extends VoiceAssistant {
 *   public Helper() { super(question -> myModel.complete(question), "computer"); }
 * }
 * }</pre>
 */
public class VoiceAssistant extends ReplyOnPause {
  /** The rate the turn is transcribed at. */
  public static final int UTTERANCE_RATE = 16_000;

  /** What the wake word alone gets. */
  static final String LISTENING = "Yes?";

  private final AnswerFunction answers;
  private final WakeWord defaultWakeWord;
  private SpeechToText speechToText;
  private TextToSpeech textToSpeech;
  private boolean armed;

  /**
   * An assistant with ReplyOnPause's default turn-taking.
   *
   * @param answers answers each question
   * @param wakeWord the word or phrase that starts a question, e.g. {@code computer}
   */
  public VoiceAssistant(AnswerFunction answers, String wakeWord) {
    this(answers, wakeWord, ReplyOptions.builder().utteranceSampleRate(UTTERANCE_RATE).build());
  }

  /**
   * An assistant with other turn-taking options.
   *
   * @param answers answers each question
   * @param wakeWord the word or phrase that starts a question
   * @param options the turn-taking options; the utterance rate should be 16 kHz
   */
  public VoiceAssistant(AnswerFunction answers, String wakeWord, ReplyOptions options) {
    super(options);
    this.answers = Objects.requireNonNull(answers, "answers == null");
    this.defaultWakeWord = new WakeWord(Objects.requireNonNull(wakeWord, "wakeWord == null"));
  }

  /**
   * The speech engines to use; CDI passes the server's.
   *
   * @param speechToText transcribes each turn
   * @param textToSpeech speaks the answers
   */
  @Inject
  public void useSpeech(SpeechToText speechToText, TextToSpeech textToSpeech) {
    this.speechToText = Objects.requireNonNull(speechToText, "speechToText == null");
    this.textToSpeech = Objects.requireNonNull(textToSpeech, "textToSpeech == null");
  }

  /**
   * The wake word for this turn; override to take it from the stream's inputs.
   *
   * @param utterance the turn
   * @return the wake word given to the constructor
   */
  protected WakeWord wakeWord(Utterance utterance) {
    return defaultWakeWord;
  }

  @Override
  protected Flow.Publisher<? extends AudioEmission> reply(Utterance utterance) throws Exception {
    if (speechToText == null || textToSpeech == null) {
      throw new IllegalStateException(
          getClass().getName()
              + " has no speech engines: deploy it as a CDI bean, or call"
              + " useSpeech(...)");
    }
    if (utterance.isEmpty()) {
      return Replies.none();
    }
    String heard = speechToText.transcribe(utterance.audio());
    Optional<String> question = wakeWord(utterance).after(heard);
    if (question.isEmpty() && !armed) {
      return Replies.of(Emission.outputs(heard, ""));
    }
    if (question.isPresent()) {
      utterance.context().send("stopword", "");
    }
    String asked = question.orElse(heard);
    if (asked.isBlank()) {
      armed = true;
      return spoken(heard, LISTENING);
    }
    armed = false;
    String answer = answers.answer(asked);
    return spoken(heard, answer == null ? "" : answer.strip());
  }

  private Flow.Publisher<AudioEmission> spoken(String heard, String answer) {
    List<AudioEmission> first = new ArrayList<>();
    first.add(Emission.outputs(heard, answer));
    Iterator<AudioFrame> audio =
        answer.isEmpty() ? List.<AudioFrame>of().iterator() : textToSpeech.stream(answer);
    Iterator<AudioEmission> head = first.iterator();
    return Replies.from(
        new Iterator<AudioEmission>() {
          @Override
          public boolean hasNext() {
            return head.hasNext() || audio.hasNext();
          }

          @Override
          public AudioEmission next() {
            return head.hasNext() ? head.next() : Emission.audio(audio.next());
          }
        });
  }
}
