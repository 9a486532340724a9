package io.fastrtc.jakarta.handlers.turn.silero;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The bundled model is exactly the file from {@code @ricky0123/vad-web@0.0.31}, with its licence.
 */
class SileroModelFileTest {

  @Test
  void isVadWebsSileroV5ByteForByte() throws Exception {
    byte[] model;
    try (InputStream in = SileroVad.class.getResourceAsStream(SileroVad.BUNDLED_MODEL)) {
      assertThat(in).as("model on the class path").isNotNull();
      model = in.readAllBytes();
    }
    assertThat(model).hasSize(2_327_524);
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model)))
        .isEqualTo("2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f");
  }

  @Test
  void shipsItsLicence() throws Exception {
    try (InputStream in = SileroVad.class.getResourceAsStream("silero_vad_v5.LICENSE.txt")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("MIT License", "Silero Team", "@ricky0123/vad-web", "ISC");
    }
  }
}
