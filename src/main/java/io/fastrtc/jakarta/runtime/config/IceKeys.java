package io.fastrtc.jakarta.runtime.config;

/**
 * The ICE keys: the server peer's ({@code fastrtc.ice.*}) and the browsers' ({@code
 * fastrtc.client.ice.*}). Declared here in full; {@link ConfigKey} stays the one registry, with a
 * constant of the same name for each and all of them in {@link ConfigKey#all()}. Only {@code
 * ConfigKey} refers to this class (ConfigKeyHoldersTest), so this class is always initialised from
 * within {@code ConfigKey}'s own initialisation, never before it.
 */
final class IceKeys {
  private IceKeys() {}

  /** The server peer's STUN/TURN URLs. */
  static final ConfigKey ICE_SERVERS =
      new ConfigKey(
          "fastrtc.ice.servers",
          "list",
          "none",
          "comma-separated STUN/TURN URLs for the server's peer, e.g."
              + " `turn:turn.example.com:3478`");

  /** The server peer's TURN user name. */
  static final ConfigKey ICE_USERNAME =
      new ConfigKey(
          "fastrtc.ice.username", "string", "empty", "TURN user name of the server's peer");

  /** The server peer's TURN credential. */
  static final ConfigKey ICE_CREDENTIAL =
      new ConfigKey(
          "fastrtc.ice.credential", "string", "empty", "TURN credential of the server's peer");

  /** The lowest UDP port of the server's peer. */
  static final ConfigKey ICE_PORT_MIN =
      new ConfigKey(
          "fastrtc.ice.port-min",
          "integer",
          "`0` (any port)",
          "the lowest UDP port the server's peer may use; open the range in the firewall");

  /** The highest UDP port of the server's peer. */
  static final ConfigKey ICE_PORT_MAX =
      new ConfigKey(
          "fastrtc.ice.port-max",
          "integer",
          "`0` (any port)",
          "the highest UDP port the server's peer may use");

  /** The browsers' STUN/TURN URLs. */
  static final ConfigKey CLIENT_ICE_SERVERS =
      new ConfigKey(
          "fastrtc.client.ice.servers",
          "list",
          "none",
          "comma-separated `stun:`, `stuns:`, `turn:` or `turns:` URLs that"
              + " `GET /api/rtc-configuration` gives browsers");

  /** The browsers' static TURN user name. */
  static final ConfigKey CLIENT_ICE_USERNAME =
      new ConfigKey(
          "fastrtc.client.ice.username", "string", "empty", "static TURN user name for browsers");

  /** The browsers' static TURN credential. */
  static final ConfigKey CLIENT_ICE_CREDENTIAL =
      new ConfigKey(
          "fastrtc.client.ice.credential",
          "string",
          "empty",
          "static TURN credential for browsers");

  /** The secret shared with the TURN server for ephemeral credentials. */
  static final ConfigKey CLIENT_ICE_TURN_SECRET =
      new ConfigKey(
          "fastrtc.client.ice.turn-secret",
          "string",
          "empty",
          "secret shared with the TURN server (coturn `use-auth-secret`): fresh credentials per"
              + " request, winning over the static ones");

  /** The user part of ephemeral TURN user names. */
  static final ConfigKey CLIENT_ICE_TURN_USER =
      new ConfigKey(
          "fastrtc.client.ice.turn-user",
          "string",
          "`fastrtc`",
          "the user part of ephemeral TURN user names (`<expiry>:<user>`)");

  /** The lifetime of ephemeral TURN credentials. */
  static final ConfigKey CLIENT_ICE_TURN_TTL =
      new ConfigKey(
          "fastrtc.client.ice.turn-ttl",
          "seconds",
          "`86400`",
          "how long ephemeral TURN credentials are valid");

  /** The browsers' ICE transport policy. */
  static final ConfigKey CLIENT_ICE_TRANSPORT_POLICY =
      new ConfigKey(
          "fastrtc.client.ice.transport-policy",
          "`all` or `relay`",
          "`all`",
          "`relay` sends every browser through TURN");
}
