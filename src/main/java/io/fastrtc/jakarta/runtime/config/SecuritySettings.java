package io.fastrtc.jakarta.runtime.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The single sign-on settings ({@code fastrtc.security.*}) and Twilio's auth token, read once.
 *
 * @param enabled whether every route needs an authenticated user
 * @param provider the identity provider's issuer, for the start-up log line
 * @param operatorRole the group allowed to use operator routes
 * @param allowedOrigins origins other than the server's own allowed to call the routes
 * @param twilioAuthToken the Twilio account's auth token, when X-Twilio-Signature is checked
 * @param groupsClaim the token claim that carries the user's groups, besides {@code groups}
 */
public record SecuritySettings(
    boolean enabled,
    Optional<String> provider,
    String operatorRole,
    List<String> allowedOrigins,
    Optional<String> twilioAuthToken,
    String groupsClaim) {

  /** The defaults: no single sign-on, no allowed origins, no Twilio check. */
  public SecuritySettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  static SecuritySettings from(
      Function<String, Optional<String>> text, Function<String, Optional<Boolean>> bool) {
    return new SecuritySettings(
        bool.apply(ConfigKey.SECURITY_ENABLED.name()).orElse(false),
        text.apply(ConfigKey.SECURITY_PROVIDER.name()).filter(v -> !v.isBlank()),
        text.apply(ConfigKey.SECURITY_OPERATOR_ROLE.name())
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .orElse("operator"),
        text
            .apply(ConfigKey.SECURITY_ALLOWED_ORIGINS.name())
            .map(SettingValues::list)
            .orElse(List.of())
            .stream()
            .map(SecuritySettings::stripSlash)
            .toList(),
        text.apply(ConfigKey.TELEPHONE_TWILIO_AUTH_TOKEN.name()).filter(v -> !v.isBlank()),
        text.apply(ConfigKey.SECURITY_GROUPS_CLAIM.name())
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .orElse("groups"));
  }

  private static String stripSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }

  /** The one start-up log line that says how requests are authenticated. */
  public String describe() {
    if (!enabled) {
      return "Security: off (no authentication: every route is open; for local development only;"
          + " see docs/security.md)";
    }
    return "Security: single sign-on (OpenID Connect for browsers, bearer JWT for API clients),"
        + " provider "
        + provider.orElse("(fastrtc.security.provider not set)")
        + ", operator role "
        + operatorRole
        + ", allowed origins "
        + allowedOrigins
        + ", Twilio signature "
        + (twilioAuthToken.isPresent() ? "checked" : "not configured: telephone routes refused");
  }
}
