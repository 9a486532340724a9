package io.fastrtc.jakarta.runtime.config;

/**
 * The keys of single sign-on, stream roles, allowed origins and the Twilio signature ({@code
 * fastrtc.security.*}, ...). Declared here in full; {@link ConfigKey} stays the one registry, with
 * a constant of the same name for each and all of them in {@link ConfigKey#all()}. Only {@code
 * ConfigKey} refers to this class (ConfigKeyHoldersTest), so this class is always initialised from
 * within {@code ConfigKey}'s own initialisation, never before it.
 */
final class AccessKeys {
  private AccessKeys() {}

  /** Puts every route behind single sign-on. */
  static final ConfigKey SECURITY_ENABLED =
      new ConfigKey(
          "fastrtc.security.enabled",
          "boolean",
          "`false`",
          "every route needs an authenticated user; set by the overlay"
              + " `configDropins/overrides/security.xml` (see `docs/security.md`)");

  /** The identity provider, as the start-up log line names it. */
  static final ConfigKey SECURITY_PROVIDER =
      new ConfigKey(
          "fastrtc.security.provider",
          "string",
          "none",
          "the identity provider's issuer URL, named in the start-up log line");

  /** The claim of a bearer token that carries the groups. */
  static final ConfigKey SECURITY_GROUPS_CLAIM =
      new ConfigKey(
          "fastrtc.security.groups-claim",
          "string",
          "`groups`",
          "the bearer token's claim with the user's groups (`groupIds` for Liberty's provider);"
              + " the overlay sets it from `oidc.groups-claim`");

  /** The role of operators. */
  static final ConfigKey SECURITY_OPERATOR_ROLE =
      new ConfigKey(
          "fastrtc.security.operator-role",
          "string",
          "`operator`",
          "the group that may use operator routes (`POST /api/status/reset`)");

  /** Origins other than the server's own that may call the API and open sockets. */
  static final ConfigKey SECURITY_ALLOWED_ORIGINS =
      new ConfigKey(
          "fastrtc.security.allowed-origins",
          "list",
          "none",
          "comma-separated origins (`https://app.example.com`) of other sites whose pages may"
              + " call the routes (CORS, with credentials) and open WebSockets");

  /** Overrides a stream's roles. */
  static final ConfigKey STREAM_ROLES =
      new ConfigKey(
          "fastrtc.stream.<name>.roles",
          "list",
          "the annotation's `roles` (none: every user)",
          "comma-separated groups allowed to use one stream under single sign-on");

  /** Twilio's auth token, for X-Twilio-Signature. */
  static final ConfigKey TELEPHONE_TWILIO_AUTH_TOKEN =
      new ConfigKey(
          "fastrtc.telephone.twilio-auth-token",
          "string",
          "none",
          "the Twilio account's auth token: the telephone routes then need a valid"
              + " `X-Twilio-Signature`; required under single sign-on");
}
