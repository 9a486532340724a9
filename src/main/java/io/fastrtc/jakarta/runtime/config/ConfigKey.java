package io.fastrtc.jakarta.runtime.config;

import java.util.List;

/**
 * One configuration key, declared once: its name, type, default and meaning. {@link Settings} reads
 * every key listed in {@link #all()}, and the settings table of {@code liberty/README.md} is tested
 * against this list. Per-stream keys are patterns with {@value #STREAM} in place of the stream's
 * name, and per-group keys with {@value #GROUP} in place of a {@code @StreamGroup}'s name.
 *
 * <p>The ICE, access, cluster and service keys are declared in full in package-private holders
 * ({@code IceKeys}, {@code AccessKeys}, {@code ClusterKeys}, {@code ServiceKeys}) that only this
 * class refers to; each constant here of the same name is the holder's key itself.
 *
 * @param name the MicroProfile Config name, e.g. {@code fastrtc.ice.servers}
 * @param type what the value is, as the documentation shows it
 * @param defaultValue the default as the documentation shows it (Markdown)
 * @param description what the key does, one line (Markdown)
 */
public record ConfigKey(String name, String type, String defaultValue, String description) {
  /** The placeholder of a stream's name in a per-stream key. */
  public static final String STREAM = "<name>";

  /** The placeholder of a stream group's name in a per-group key. */
  public static final String GROUP = "<group>";

  /** Switches the bundled demo streams on: the group {@code demo} of {@link #GROUP_ENABLED}. */
  public static final ConfigKey DEMO_ENABLED =
      new ConfigKey(
          "fastrtc.demo.enabled",
          "boolean",
          "`false` (the FastRTC WAR sets `true`)",
          "turns the bundled demo streams (`@StreamGroup(\"demo\")`) on");

  /** Switches the streams of one {@code @StreamGroup} on or off. */
  public static final ConfigKey GROUP_ENABLED =
      new ConfigKey(
          "fastrtc.<group>.enabled",
          "boolean",
          "the group's `enabledByDefault`",
          "switches every stream of a `@StreamGroup` on or off");

  /** Switches one stream on or off. */
  public static final ConfigKey STREAM_ENABLED =
      new ConfigKey(
          "fastrtc.stream.<name>.enabled",
          "boolean",
          "on; a stream of a `@StreamGroup` follows its group",
          "switches one stream on or off");

  /** Overrides a stream's concurrency limit. */
  public static final ConfigKey STREAM_CONCURRENCY_LIMIT =
      new ConfigKey(
          "fastrtc.stream.<name>.concurrency-limit",
          "integer",
          "the annotation's `concurrencyLimit` (1)",
          "maximum simultaneous connections of one stream, all transports together");

  /** Overrides a stream's time limit. */
  public static final ConfigKey STREAM_TIME_LIMIT =
      new ConfigKey(
          "fastrtc.stream.<name>.time-limit",
          "integer",
          "the annotation's `timeLimitSeconds` (0 = none)",
          "seconds a connection may last once connected");

  /** How long one handler call may run before its connection is closed as hung. */
  public static final ConfigKey HANDLER_HANG_TIMEOUT =
      new ConfigKey(
          "fastrtc.handler.hang-timeout",
          "seconds",
          "`30` (0 = never)",
          "a handler call (`startUp`, `receive`, `emit`, video) running this long closes its"
              + " connection: the client gets `{\"type\":\"error\"}`, the slot is freed, the call"
              + " is interrupted 5 s later and `shutdown()` runs when it returns");

  /** How long a client that should send media may send none before its connection is closed. */
  public static final ConfigKey CONNECTION_IDLE_TIMEOUT =
      new ConfigKey(
          "fastrtc.connection.idle-timeout",
          "seconds",
          "`60` (0 = never)",
          "a started connection whose stream's mode has the client send (`send-receive`, `send`)"
              + " and that receives no audio or video this long is closed with an error");

  /** The server peer's STUN/TURN URLs. */
  public static final ConfigKey ICE_SERVERS = IceKeys.ICE_SERVERS;

  /** The server peer's TURN user name. */
  public static final ConfigKey ICE_USERNAME = IceKeys.ICE_USERNAME;

  /** The server peer's TURN credential. */
  public static final ConfigKey ICE_CREDENTIAL = IceKeys.ICE_CREDENTIAL;

  /** The lowest UDP port of the server's peer. */
  public static final ConfigKey ICE_PORT_MIN = IceKeys.ICE_PORT_MIN;

  /** The highest UDP port of the server's peer. */
  public static final ConfigKey ICE_PORT_MAX = IceKeys.ICE_PORT_MAX;

  /** The browsers' STUN/TURN URLs. */
  public static final ConfigKey CLIENT_ICE_SERVERS = IceKeys.CLIENT_ICE_SERVERS;

  /** The browsers' static TURN user name. */
  public static final ConfigKey CLIENT_ICE_USERNAME = IceKeys.CLIENT_ICE_USERNAME;

  /** The browsers' static TURN credential. */
  public static final ConfigKey CLIENT_ICE_CREDENTIAL = IceKeys.CLIENT_ICE_CREDENTIAL;

  /** The secret shared with the TURN server for ephemeral credentials. */
  public static final ConfigKey CLIENT_ICE_TURN_SECRET = IceKeys.CLIENT_ICE_TURN_SECRET;

  /** The user part of ephemeral TURN user names. */
  public static final ConfigKey CLIENT_ICE_TURN_USER = IceKeys.CLIENT_ICE_TURN_USER;

  /** The lifetime of ephemeral TURN credentials. */
  public static final ConfigKey CLIENT_ICE_TURN_TTL = IceKeys.CLIENT_ICE_TURN_TTL;

  /** The browsers' ICE transport policy. */
  public static final ConfigKey CLIENT_ICE_TRANSPORT_POLICY = IceKeys.CLIENT_ICE_TRANSPORT_POLICY;

  /** The socket message policy: messages per second. */
  public static final ConfigKey SOCKET_MAX_MESSAGES_PER_SECOND =
      ServiceKeys.SOCKET_MAX_MESSAGES_PER_SECOND;

  /** The socket message policy: characters per second. */
  public static final ConfigKey SOCKET_MAX_CHARS_PER_SECOND =
      ServiceKeys.SOCKET_MAX_CHARS_PER_SECOND;

  /** The socket message policy: the longest message. */
  public static final ConfigKey SOCKET_MAX_MESSAGE_CHARS = ServiceKeys.SOCKET_MAX_MESSAGE_CHARS;

  /** The public URL of the application, for Twilio. */
  public static final ConfigKey TELEPHONE_PUBLIC_URL = ServiceKeys.TELEPHONE_PUBLIC_URL;

  /** Switches the bundled pages of the classes jar on or off in an embedding application. */
  public static final ConfigKey UI_ENABLED = ServiceKeys.UI_ENABLED;

  /** Where an embedding application serves the bundled pages of the classes jar. */
  public static final ConfigKey UI_PATH = ServiceKeys.UI_PATH;

  /** How long a drain lets live connections go on before it closes them. */
  public static final ConfigKey DRAIN_DEADLINE = ServiceKeys.DRAIN_DEADLINE;

  /** How long a server stop drains before it closes the live connections. */
  public static final ConfigKey DRAIN_ON_STOP = ServiceKeys.DRAIN_ON_STOP;

  /** Puts every route behind single sign-on. */
  public static final ConfigKey SECURITY_ENABLED = AccessKeys.SECURITY_ENABLED;

  /** The identity provider, as the start-up log line names it. */
  public static final ConfigKey SECURITY_PROVIDER = AccessKeys.SECURITY_PROVIDER;

  /** The claim of a bearer token that carries the groups. */
  public static final ConfigKey SECURITY_GROUPS_CLAIM = AccessKeys.SECURITY_GROUPS_CLAIM;

  /** The role of operators. */
  public static final ConfigKey SECURITY_OPERATOR_ROLE = AccessKeys.SECURITY_OPERATOR_ROLE;

  /** Origins other than the server's own that may call the API and open sockets. */
  public static final ConfigKey SECURITY_ALLOWED_ORIGINS = AccessKeys.SECURITY_ALLOWED_ORIGINS;

  /** Overrides a stream's roles. */
  public static final ConfigKey STREAM_ROLES = AccessKeys.STREAM_ROLES;

  /** Twilio's auth token, for X-Twilio-Signature. */
  public static final ConfigKey TELEPHONE_TWILIO_AUTH_TOKEN =
      AccessKeys.TELEPHONE_TWILIO_AUTH_TOKEN;

  /** The Redis that coordinates a cluster; none: a single server, everything in memory. */
  public static final ConfigKey CLUSTER_REDIS_URI = ClusterKeys.CLUSTER_REDIS_URI;

  /** This node's name in the cluster. */
  public static final ConfigKey CLUSTER_NODE_ID = ClusterKeys.CLUSTER_NODE_ID;

  /** This node's internal base URL, where other nodes forward requests. */
  public static final ConfigKey CLUSTER_NODE_ADDRESS = ClusterKeys.CLUSTER_NODE_ADDRESS;

  /** The timeout of one Redis command and of one forwarded request. */
  public static final ConfigKey CLUSTER_TIMEOUT = ClusterKeys.CLUSTER_TIMEOUT;

  /** How long a connection's owner entry and slot live without renewal. */
  public static final ConfigKey CLUSTER_LEASE = ClusterKeys.CLUSTER_LEASE;

  /** Outputs kept per connection in its Redis stream. */
  public static final ConfigKey CLUSTER_OUTPUTS_KEPT = ClusterKeys.CLUSTER_OUTPUTS_KEPT;

  /** The text-to-speech engine behind the unqualified {@code TextToSpeech} bean. */
  public static final ConfigKey SPEECH_TTS = ServiceKeys.SPEECH_TTS;

  /** The speech-to-text engine behind the unqualified {@code SpeechToText} bean. */
  public static final ConfigKey SPEECH_STT = ServiceKeys.SPEECH_STT;

  /** The folder of the Vosk speech-to-text model. */
  public static final ConfigKey SPEECH_VOSK_MODEL = ServiceKeys.SPEECH_VOSK_MODEL;

  private static final List<ConfigKey> ALL =
      List.of(
          DEMO_ENABLED,
          GROUP_ENABLED,
          STREAM_ENABLED,
          STREAM_CONCURRENCY_LIMIT,
          STREAM_TIME_LIMIT,
          HANDLER_HANG_TIMEOUT,
          CONNECTION_IDLE_TIMEOUT,
          ICE_SERVERS,
          ICE_USERNAME,
          ICE_CREDENTIAL,
          ICE_PORT_MIN,
          ICE_PORT_MAX,
          CLIENT_ICE_SERVERS,
          CLIENT_ICE_USERNAME,
          CLIENT_ICE_CREDENTIAL,
          CLIENT_ICE_TURN_SECRET,
          CLIENT_ICE_TURN_USER,
          CLIENT_ICE_TURN_TTL,
          CLIENT_ICE_TRANSPORT_POLICY,
          SOCKET_MAX_MESSAGES_PER_SECOND,
          SOCKET_MAX_CHARS_PER_SECOND,
          SOCKET_MAX_MESSAGE_CHARS,
          TELEPHONE_PUBLIC_URL,
          UI_ENABLED,
          UI_PATH,
          TELEPHONE_TWILIO_AUTH_TOKEN,
          SECURITY_ENABLED,
          SECURITY_PROVIDER,
          SECURITY_GROUPS_CLAIM,
          SECURITY_OPERATOR_ROLE,
          SECURITY_ALLOWED_ORIGINS,
          STREAM_ROLES,
          CLUSTER_REDIS_URI,
          CLUSTER_NODE_ID,
          CLUSTER_NODE_ADDRESS,
          CLUSTER_TIMEOUT,
          CLUSTER_LEASE,
          CLUSTER_OUTPUTS_KEPT,
          SPEECH_TTS,
          SPEECH_STT,
          SPEECH_VOSK_MODEL,
          DRAIN_DEADLINE,
          DRAIN_ON_STOP);

  /** Every key FastRTC reads, in documentation order. */
  public static List<ConfigKey> all() {
    return ALL;
  }

  /** Whether this is a pattern: per stream ({@code fastrtc.stream.<name>.*}) or per group. */
  public boolean isPattern() {
    return name.contains(STREAM) || name.contains(GROUP);
  }

  /**
   * The key of one stream.
   *
   * @param stream the stream's name, e.g. {@code echo}
   * @return e.g. {@code fastrtc.stream.echo.enabled}
   */
  public String forStream(String stream) {
    if (!name.contains(STREAM)) {
      throw new IllegalStateException(name + " is not a per-stream key");
    }
    return name.replace(STREAM, stream);
  }

  /**
   * The key of one stream group.
   *
   * @param group the group's name, e.g. {@code demo}
   * @return e.g. {@code fastrtc.demo.enabled}
   */
  public String forGroup(String group) {
    if (!name.contains(GROUP)) {
      throw new IllegalStateException(name + " is not a per-group key");
    }
    return name.replace(GROUP, group);
  }
}
