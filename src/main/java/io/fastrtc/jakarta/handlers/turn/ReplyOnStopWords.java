package io.fastrtc.jakarta.handlers.turn;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.speech.SpeechRecognition;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.api.speech.Transcript;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * FastRTC's {@code ReplyOnStopWords}: turn-taking that waits for a stop word ("computer") before it
 * listens for a turn. Until a stop word is heard, the audio goes only to a streaming speech
 * recognition whose transcripts are matched against the {@link StopWords}; when one is heard (with
 * another word after it, or in a final transcript: a partial "computer" may still become
 * "computers") it sends {@code {"type":"stopword","data":""}} and from then on takes turns exactly
 * as {@link ReplyOnPause}: the reply function gets the audio spoken after the stop word, once the
 * user pauses. After each turn it waits for the stop word again. A stop word said over a reply
 * interrupts it (with {@code canInterrupt}), as FastRTC's does; other speech over a reply does not.
 *
 * <pre>{@code
 * @RealtimeStream(name = "assistant", modality = Modality.AUDIO)
 * @Dependent
 * public class Assistant extends ReplyOnStopWords {
 *   public Assistant() {
 *     super(u -> answer(u.audio()), StopWords.of("computer"), ReplyOptions.DEFAULTS);
 *   }
 * }
 * }</pre>
 *
 * <p>The speech-to-text is the one given to the constructor, else the server's CDI bean (Vosk,
 * unless the application declares its own {@link SpeechToText}).
 */
public class ReplyOnStopWords extends ReplyOnPause {
  /** The most audio kept while a partial transcript ends with a stop word (5 s at 50 fps). */
  private static final int MAX_KEPT_FRAMES = 250;

  private final StopWords stopWords;
  private final boolean canInterrupt;
  private StreamContext context;
  private SpeechToText speech;
  private SpeechRecognition spotting;
  private int spottingRate;
  private boolean heard;
  private final ArrayDeque<AudioFrame> kept = new ArrayDeque<>();
  private boolean keeping;

  /**
   * A handler that replies with {@code function} to what follows a stop word.
   *
   * @param function the reply to each turn; its utterance starts after the stop word
   * @param stopWords the words or phrases that open a turn
   * @param options turn-taking options, as for {@link ReplyOnPause}
   */
  public ReplyOnStopWords(ReplyFunction function, StopWords stopWords, ReplyOptions options) {
    super(function, options);
    this.stopWords = Objects.requireNonNull(stopWords, "stopWords == null");
    this.canInterrupt = options.canInterrupt();
  }

  /** For subclasses that override {@link #reply(Utterance)} instead of passing a function. */
  protected ReplyOnStopWords(StopWords stopWords, ReplyOptions options) {
    super(options);
    this.stopWords = Objects.requireNonNull(stopWords, "stopWords == null");
    this.canInterrupt = options.canInterrupt();
  }

  /**
   * Listens for the stop words with this speech-to-text instead of the server's.
   *
   * @param speechToText the speech-to-text to spot the stop words with
   * @return this handler
   */
  public ReplyOnStopWords speechToText(SpeechToText speechToText) {
    this.speech = Objects.requireNonNull(speechToText, "speechToText == null");
    return this;
  }

  /**
   * Takes the server's speech-to-text (Vosk, or the application's own bean) unless one was given;
   * CDI calls it on a stream bean.
   *
   * @param speechToText the server's speech-to-text
   */
  @Inject
  public void useServerSpeech(Instance<SpeechToText> speechToText) {
    if (speech == null && speechToText != null && speechToText.isResolvable()) {
      speech = speechToText.get();
    }
  }

  /** The stop words. */
  public StopWords stopWords() {
    return stopWords;
  }

  /** Whether a stop word has been heard and the handler is listening for the turn after it. */
  public boolean isListening() {
    return heard;
  }

  @Override
  public void startUp(StreamContext context) throws Exception {
    if (speech == null) {
      throw new IllegalStateException(
          getClass().getName()
              + ": no SpeechToText to spot the stop words with; deploy the built-in one (Vosk:"
              + " set fastrtc.speech.vosk.model) or a bean of your own, or call speechToText(...)");
    }
    this.context = context;
    super.startUp(context);
  }

  @Override
  public void receive(AudioFrame frame) {
    if (heard && isResponding()) {
      heard = false; // the turn was taken: the next one needs the stop word again
    }
    if (heard) {
      super.receive(frame);
      return;
    }
    if (isResponding() && !canInterrupt) {
      return; // not heard until the reply has played out, as ReplyOnPause
    }
    if (spot(frame)) {
      heard = true;
      if (canInterrupt) {
        interruptNow();
      }
      listenAfresh(); // the turn starts after the stop word: with the audio kept since it
      context.send("stopword", "");
      List<AudioFrame> after = new ArrayList<>(kept);
      kept.clear();
      keeping = false;
      for (AudioFrame f : after) {
        super.receive(f);
      }
    }
  }

  private boolean spot(AudioFrame frame) {
    if (spotting == null || spottingRate != frame.sampleRate()) {
      closeSpotting();
      // A free recognition, not openVocabulary: a vocabulary of only the stop words hears
      // "commuter" as "computer" (measured with Vosk), so words outside it need their own names.
      spotting = speech.open(frame.sampleRate());
      spottingRate = frame.sampleRate();
    }
    Transcript t = spotting.accept(frame);
    if (keeping) {
      kept.addLast(frame);
      if (kept.size() > MAX_KEPT_FRAMES) {
        kept.removeFirst();
      }
    }
    boolean hit = t.isFinal() ? stopWords.foundIn(t.text()) : stopWords.foundBeforeEnd(t.text());
    if (hit) {
      if (!t.isFinal()) {
        spotting.finish(); // the phrase is spent: start the next one afresh
      }
      return true;
    }
    // A partial that ends with a stop word is not yet a hit ("computer" may become "computers"):
    // it is one when another word follows or the final transcript keeps it. The audio from here on
    // is after the stop word, so it is kept for the turn.
    boolean endsWithOne = !t.isFinal() && stopWords.foundIn(t.text());
    if (endsWithOne && !keeping) {
      keeping = true;
    } else if (!endsWithOne) {
      keeping = false;
      kept.clear();
    }
    return false;
  }

  @Override
  public void shutdown() {
    closeSpotting();
    super.shutdown();
  }

  private void closeSpotting() {
    if (spotting != null) {
      spotting.close();
      spotting = null;
    }
  }
}
