package io.fastrtc.jakarta.runtime.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/**
 * G.711 µ-law against the standard's reference values (Table 2a, 14-bit decision and output values
 * scaled by 4 to 16 bits) and, for every input, against the JDK's own G.711 codec.
 */
class MuLawTest {

  @Test
  void decodesTheStandardsReconstructionValues() {
    // G.711 Table 2a output values (14-bit) x 4: 0, 2, 30 (segment 0), 33, 93 (segment 1),
    // 4191 (first of segment 7) and 8031 (the largest).
    assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
    assertThat(MuLaw.decode((byte) 0xFE)).isEqualTo((short) (2 * 4));
    assertThat(MuLaw.decode((byte) 0xF0)).isEqualTo((short) (30 * 4));
    assertThat(MuLaw.decode((byte) 0xEF)).isEqualTo((short) (33 * 4));
    assertThat(MuLaw.decode((byte) 0xE0)).isEqualTo((short) (93 * 4));
    assertThat(MuLaw.decode((byte) 0x8F)).isEqualTo((short) (4191 * 4));
    assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) (8031 * 4));
    assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) (-8031 * 4));
    assertThat(MuLaw.decode((byte) 0x7F)).as("negative zero").isEqualTo((short) 0);
  }

  @Test
  void encodesAtTheStandardsDecisionValues() {
    // Decision values (14-bit) 1, 31 and 4063 are 4, 124 and 16252 in 16 bits.
    assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
    assertThat(MuLaw.encode((short) 3)).isEqualTo((byte) 0xFF);
    assertThat(MuLaw.encode((short) 4)).isEqualTo((byte) 0xFE);
    assertThat(MuLaw.encode((short) 123)).isEqualTo((byte) 0xF0);
    assertThat(MuLaw.encode((short) 124)).isEqualTo((byte) 0xEF);
    assertThat(MuLaw.encode((short) 16251)).isEqualTo((byte) 0x90);
    assertThat(MuLaw.encode((short) 16252)).isEqualTo((byte) 0x8F);
    assertThat(MuLaw.encode((short) -1)).isEqualTo((byte) 0x7F);
  }

  @Test
  void clipsFullScaleToTheLargestCode() {
    assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
    assertThat(MuLaw.encode((short) 32635)).isEqualTo((byte) 0x80);
    assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
  }

  @Test
  void everyCodeSurvivesADecodeEncodeRoundTrip() {
    for (int code = 0; code < 256; code++) {
      byte expected = code == 0x7F ? (byte) 0xFF : (byte) code; // -0 encodes as +0
      assertThat(MuLaw.encode(MuLaw.decode((byte) code))).as("code %02x", code).isEqualTo(expected);
    }
  }

  @Test
  void quantisationErrorStaysWithinHalfAStep() {
    for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
      int clipped = Math.max(-32635, Math.min(32635, s));
      int error = Math.abs(MuLaw.decode(MuLaw.encode((short) s)) - clipped);
      // The step is 8 in segment 0 and doubles per segment: half a step is 1/32 of the level + 8.
      assertThat(error).as("sample %d", s).isLessThanOrEqualTo(Math.abs(clipped) / 32 + 8);
    }
  }

  /**
   * The JDK's codec ({@code javax.sound.sampled}) agrees on every code and on every sample up to
   * the standard's clipping level, 32635. Above it the JDK wraps around instead of clipping (e.g.
   * -32768 becomes 0x7F, i.e. silence, and 32767 becomes 0xFF), which is why the runtime uses its
   * own codec.
   */
  @Test
  void matchesTheJdksG711CodecExceptWhereTheJdkFailsToClip() throws IOException {
    short[] all = new short[65536];
    for (int i = 0; i < all.length; i++) {
      all[i] = (short) (i + Short.MIN_VALUE);
    }
    byte[] jdk = jdkEncode(all);
    byte[] ours = MuLaw.encode(all);
    int agreeing = 0;
    for (int i = 0; i < all.length; i++) {
      if (Math.abs(all[i]) <= 32635) {
        assertThat(ours[i]).as("sample %d", all[i]).isEqualTo(jdk[i]);
        agreeing++;
      }
    }
    assertThat(agreeing).isEqualTo(65536 - 265);
    assertThat(jdk[0]).as("the JDK's -32768").isEqualTo((byte) 0x7F);
    assertThat(jdk[65535]).as("the JDK's 32767").isEqualTo((byte) 0xFF);

    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    assertThat(MuLaw.decode(codes)).isEqualTo(jdkDecode(codes));
  }

  private static final AudioFormat LINEAR = new AudioFormat(8000, 16, 1, true, false);

  private static byte[] jdkEncode(short[] samples) throws IOException {
    byte[] pcm = new byte[samples.length * 2];
    Pcm.toBytes(samples, samples.length, pcm);
    AudioInputStream source =
        new AudioInputStream(new ByteArrayInputStream(pcm), LINEAR, samples.length);
    return AudioSystem.getAudioInputStream(AudioFormat.Encoding.ULAW, source).readAllBytes();
  }

  private static short[] jdkDecode(byte[] codes) throws IOException {
    AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
    AudioInputStream source =
        new AudioInputStream(new ByteArrayInputStream(codes), ulaw, codes.length);
    byte[] pcm = AudioSystem.getAudioInputStream(LINEAR, source).readAllBytes();
    return Pcm.toShorts(pcm, codes.length);
  }
}
