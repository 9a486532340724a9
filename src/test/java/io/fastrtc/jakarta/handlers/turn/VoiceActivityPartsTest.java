package io.fastrtc.jakarta.handlers.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.Emission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The energy model, the rate converter and the iterator publisher. */
class VoiceActivityPartsTest {

  private static float[] level(double dbfs) {
    float[] w = new float[EnergyVoiceActivityModel.WINDOW_SAMPLES];
    double amplitude = Math.pow(10, dbfs / 20) * Math.sqrt(2); // a sine's peak for that RMS
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (amplitude * Math.sin(2 * Math.PI * 200 * i / 16_000.0));
    }
    return w;
  }

  @Test
  void theEnergyModelScoresLevelsAroundItsThreshold() {
    EnergyVoiceActivityModel model = new EnergyVoiceActivityModel();
    try (VoiceActivity vad = model.open()) {
      assertThat(vad.speechProbability(level(-20))).isGreaterThan(0.99f);
      assertThat(vad.speechProbability(level(-40))).isCloseTo(0.5f, within(0.02f));
      assertThat(vad.speechProbability(level(-60))).isLessThan(0.01f);
      assertThat(vad.speechProbability(new float[320])).isLessThan(0.01f);
      assertThrows(IllegalArgumentException.class, () -> vad.speechProbability(new float[512]));
    }
    assertThrows(IllegalArgumentException.class, () -> new EnergyVoiceActivityModel(3));
  }

  @Test
  void theRateConverterKeepsLengthAndLevelAcrossCalls() {
    RateConverter down = new RateConverter(48_000, 16_000);
    float[] dc = new float[960];
    Arrays.fill(dc, 0.25f);
    int total = 0;
    for (int i = 0; i < 10; i++) {
      float[] out = down.process(Arrays.copyOf(dc, 700)); // blocks not a multiple of 3
      total += out.length;
      for (float v : out) {
        assertThat(v).isCloseTo(0.25f, within(1e-6f));
      }
    }
    assertThat(total).isEqualTo(7000 / 3);

    RateConverter odd = new RateConverter(44_100, 16_000);
    int n = 0;
    for (int i = 0; i < 100; i++) {
      n += odd.process(new float[441]).length;
    }
    assertThat(n).isBetween(15_999, 16_001); // one second in, one second out
  }

  @Test
  void anIteratorReplyIsMadeOnRequestAndStopsOnCancel() {
    List<Integer> made = new ArrayList<>();
    java.util.Iterator<AudioEmission> source =
        new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public AudioEmission next() {
            made.add(made.size());
            return Emission.outputs(made.size());
          }
        };
    List<AudioEmission> got = new ArrayList<>();
    Flow.Subscription[] subscription = new Flow.Subscription[1];
    Replies.from(source)
        .subscribe(
            new Flow.Subscriber<AudioEmission>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                subscription[0] = s;
              }

              @Override
              public void onNext(AudioEmission item) {
                got.add(item);
                if (got.size() < 3) {
                  subscription[0].request(1); // reentrant: adds demand only
                }
              }

              @Override
              public void onError(Throwable t) {
                throw new AssertionError(t);
              }

              @Override
              public void onComplete() {}
            });
    assertThat(made).isEmpty();
    subscription[0].request(1);
    assertThat(got).hasSize(3);
    subscription[0].cancel();
    subscription[0].request(5);
    assertThat(made).hasSize(3);
  }
}
