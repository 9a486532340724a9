package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.testing.SpeechSynth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The turn benchmark's recordings: utterances of one to three clauses spoken by flite (four voices
 * in turn), the clauses joined by pauses drawn evenly from 100 to 400 ms (a breath or a comma in
 * fluent speech), plus flite's own pauses at commas; the benchmark prints the pauses it finds.
 * Seeded, so every run hears the same audio.
 */
final class TurnCorpus {

  private static final String[][] UTTERANCES = {
    {"Hello there.", "I would like to book a table for two."},
    {"Tomorrow evening, at eight o'clock.", "Is that possible?"},
    {"Yes, please."},
    {"Can you tell me the weather in Boston,", "for the next three days?"},
    {"I need a flight to Chicago.", "Leaving on Friday morning,", "and coming back on Sunday."},
    {"No."},
    {"What time does the museum open on Saturdays?"},
    {"Please send the invoice to my office address,", "not to my home."},
    {"Actually,", "make that three people instead of two."},
    {"How long does the delivery usually take?"},
    {"Turn on the lights in the kitchen,", "and set them to fifty percent."},
    {"Thank you, that is all for today."},
    {"Remind me to call my sister at six.", "She is expecting me."},
    {"Which platform does the next train to Oxford leave from?"},
    {"I think the second option is better,", "because it is cheaper."},
    {"Okay."},
    {"Could you read the last message again,", "a bit more slowly?"},
    {"Add milk, eggs and bread to the shopping list."},
    {"My order number is four seven two nine.", "It arrived damaged."},
    {"Set a timer for twenty minutes."},
    {"Is there a pharmacy open near the station,", "after ten at night?"},
    {"Cancel my meeting with Anna,", "and move the review to Thursday."},
    {"Sure, go ahead."},
    {"What is the difference between the two plans,", "apart from the price?"},
  };

  private static final String[] VOICES = {"slt", "rms", "awb", "kal16"};

  /** One utterance: its samples at 16 kHz and where each clause's speech is. */
  record Utterance(String text, String voice, short[] audio, List<int[]> clauses) {
    int speechStart() {
      return clauses.get(0)[0];
    }

    int speechEnd() {
      return clauses.get(clauses.size() - 1)[1];
    }

    double seconds() {
      return audio.length / (double) SpeechSynth.SAMPLE_RATE;
    }
  }

  private TurnCorpus() {}

  static List<Utterance> make() {
    Random random = new Random(2026);
    List<Utterance> out = new ArrayList<>();
    for (int u = 0; u < UTTERANCES.length; u++) {
      String voice = VOICES[u % VOICES.length];
      List<short[]> parts = new ArrayList<>();
      List<int[]> clauses = new ArrayList<>();
      int length = 0;
      for (int c = 0; c < UTTERANCES[u].length; c++) {
        if (c > 0) {
          int pause = (int) Math.round((0.1 + 0.3 * random.nextDouble()) * SpeechSynth.SAMPLE_RATE);
          parts.add(new short[pause]);
          length += pause;
        }
        short[] clause = SpeechSynth.say(UTTERANCES[u][c], voice);
        clauses.add(new int[] {length, length + clause.length});
        parts.add(clause);
        length += clause.length;
      }
      short[] audio = new short[length];
      int at = 0;
      for (short[] part : parts) {
        System.arraycopy(part, 0, audio, at, part.length);
        at += part.length;
      }
      out.add(new Utterance(String.join(" ", UTTERANCES[u]), voice, audio, clauses));
    }
    return out;
  }

  /** Gaps of at least 50 ms without sound inside the utterances, in ms (for the report). */
  static List<Integer> internalPausesMillis(List<Utterance> corpus) {
    List<Integer> gaps = new ArrayList<>();
    for (Utterance u : corpus) {
      boolean[] sound = SpeechSynth.soundPer10Ms(u.audio());
      int run = 0;
      boolean started = false;
      for (boolean s : sound) {
        if (s) {
          if (started && run >= 5) {
            gaps.add(run * 10);
          }
          started = true;
          run = 0;
        } else {
          run++;
        }
      }
    }
    return gaps;
  }
}
