package io.fastrtc.jakarta.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of the HMAC-SHA1, keyed with the
 * account's auth token, of the full URL Twilio requested followed by each POST parameter's name and
 * value, sorted by name. Media Stream WebSocket upgrades are signed over the {@code wss://} URL
 * alone.
 */
public final class TwilioSignature {
  /** The header Twilio sends. */
  public static final String HEADER = "X-Twilio-Signature";

  private final byte[] key;

  /**
   * @param authToken the Twilio account's auth token
   */
  public TwilioSignature(String authToken) {
    Objects.requireNonNull(authToken, "authToken == null");
    this.key = authToken.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The signature Twilio sends for this request.
   *
   * @param url the full URL as Twilio requested it, with its query string
   * @param params the POST form parameters (none for a GET or a WebSocket upgrade)
   */
  public String sign(String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params)
        .forEach(
            (name, values) -> values.stream().sorted().forEach(v -> data.append(name).append(v)));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  /** Whether {@code signature} is the one Twilio would send; false when it is missing. */
  public boolean verify(String signature, String url, Map<String, List<String>> params) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(url, params).getBytes(StandardCharsets.US_ASCII),
        signature.trim().getBytes(StandardCharsets.US_ASCII));
  }
}
