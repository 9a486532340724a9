package io.fastrtc.jakarta.runtime.config;

import java.util.List;

/**
 * One configuration key, declared once: its name, type, default and meaning. {@link Settings} reads
 * every key listed in {@link #all()}, and the settings table of {@code liberty/README.md} is tested
 * against this list. Per-stream keys are patterns with {@value #STREAM} in place of the stream's
 * name, and per-group keys with {@value #GROUP} in place of a {@code @StreamGroup}'s name.
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
  public static final ConfigKey ICE_SERVERS =
      new ConfigKey(
          "fastrtc.ice.servers",
          "list",
          "none",
          "comma-separated STUN/TURN URLs for the server's peer, e.g."
              + " `turn:turn.example.com:3478`");

  /** The server peer's TURN user name. */
  public static final ConfigKey ICE_USERNAME =
      new ConfigKey(
          "fastrtc.ice.username", "string", "empty", "TURN user name of the server's peer");

  /** The server peer's TURN credential. */
  public static final ConfigKey ICE_CREDENTIAL =
      new ConfigKey(
          "fastrtc.ice.credential", "string", "empty", "TURN credential of the server's peer");

  /** The lowest UDP port of the server's peer. */
  public static final ConfigKey ICE_PORT_MIN =
      new ConfigKey(
          "fastrtc.ice.port-min",
          "integer",
          "`0` (any port)",
          "the lowest UDP port the server's peer may use; open the range in the firewall");

  /** The highest UDP port of the server's peer. */
  public static final ConfigKey ICE_PORT_MAX =
      new ConfigKey(
          "fastrtc.ice.port-max",
          "integer",
          "`0` (any port)",
          "the highest UDP port the server's peer may use");

  /** The browsers' STUN/TURN URLs. */
  public static final ConfigKey CLIENT_ICE_SERVERS =
      new ConfigKey(
          "fastrtc.client.ice.servers",
          "list",
          "none",
          "comma-separated `stun:`, `stuns:`, `turn:` or `turns:` URLs that"
              + " `GET /api/rtc-configuration` gives browsers");

  /** The browsers' static TURN user name. */
  public static final ConfigKey CLIENT_ICE_USERNAME =
      new ConfigKey(
          "fastrtc.client.ice.username", "string", "empty", "static TURN user name for browsers");

  /** The browsers' static TURN credential. */
  public static final ConfigKey CLIENT_ICE_CREDENTIAL =
      new ConfigKey(
          "fastrtc.client.ice.credential",
          "string",
          "empty",
          "static TURN credential for browsers");

  /** The secret shared with the TURN server for ephemeral credentials. */
  public static final ConfigKey CLIENT_ICE_TURN_SECRET =
      new ConfigKey(
          "fastrtc.client.ice.turn-secret",
          "string",
          "empty",
          "secret shared with the TURN server (coturn `use-auth-secret`): fresh credentials per"
              + " request, winning over the static ones");

  /** The user part of ephemeral TURN user names. */
  public static final ConfigKey CLIENT_ICE_TURN_USER =
      new ConfigKey(
          "fastrtc.client.ice.turn-user",
          "string",
          "`fastrtc`",
          "the user part of ephemeral TURN user names (`<expiry>:<user>`)");

  /** The lifetime of ephemeral TURN credentials. */
  public static final ConfigKey CLIENT_ICE_TURN_TTL =
      new ConfigKey(
          "fastrtc.client.ice.turn-ttl",
          "seconds",
          "`86400`",
          "how long ephemeral TURN credentials are valid");

  /** The browsers' ICE transport policy. */
  public static final ConfigKey CLIENT_ICE_TRANSPORT_POLICY =
      new ConfigKey(
          "fastrtc.client.ice.transport-policy",
          "`all` or `relay`",
          "`all`",
          "`relay` sends every browser through TURN");

  /** The socket message policy: messages per second. */
  public static final ConfigKey SOCKET_MAX_MESSAGES_PER_SECOND =
      new ConfigKey(
          "fastrtc.socket.max-messages-per-second",
          "integer, 1 to 100000",
          "`200`",
          "text and binary messages per second one WebSocket (`/websocket/offer`,"
              + " `/telephone/handler`) may send, averaged over a second; a flood is told why and"
              + " closed with 1008");

  /** The socket message policy: characters per second. */
  public static final ConfigKey SOCKET_MAX_CHARS_PER_SECOND =
      new ConfigKey(
          "fastrtc.socket.max-chars-per-second",
          "integer, 1 to 1073741824",
          "`1048576`",
          "characters of text per second one WebSocket may send, averaged over a second (48 kHz"
              + " µ-law in base64 is 64,000); beyond, 1008 as above");

  /** The socket message policy: the longest message. */
  public static final ConfigKey SOCKET_MAX_MESSAGE_CHARS =
      new ConfigKey(
          "fastrtc.socket.max-message-chars",
          "integer, 1 to 67108864",
          "`262144`",
          "the longest WebSocket text message handled; a longer one is answered `message too"
              + " large` and ignored");

  /** The public URL of the application, for Twilio. */
  public static final ConfigKey TELEPHONE_PUBLIC_URL =
      new ConfigKey(
          "fastrtc.telephone.public-url",
          "URL",
          "none",
          "the public URL of the application root, e.g. `https://voice.example.com`; Twilio's"
              + " Media Stream URL is built from it");

  /** Switches the bundled pages of the classes jar on or off in an embedding application. */
  public static final ConfigKey UI_ENABLED =
      new ConfigKey(
          "fastrtc.ui.enabled",
          "boolean",
          "`true`",
          "serves the bundled pages that `fastrtc-classes.jar` carries (stream list, stream pages,"
              + " `js/fastrtc-client.js`) in an application that embeds it; `false` answers 404"
              + " there instead");

  /** Where an embedding application serves the bundled pages of the classes jar. */
  public static final ConfigKey UI_PATH =
      new ConfigKey(
          "fastrtc.ui.path",
          "path",
          "`/fastrtc`",
          "where an application that embeds `fastrtc-classes.jar` serves its bundled pages, e.g."
              + " `/tools/rtc` (not `/`); the default location then answers 404");

  /** How long a drain lets live connections go on before it closes them. */
  public static final ConfigKey DRAIN_DEADLINE =
      new ConfigKey(
          "fastrtc.drain.deadline-seconds",
          "seconds",
          "`30`",
          "how long `POST /api/drain` lets live connections go on (unless its body says"
              + " `deadline_seconds`) before they are closed");

  /** How long a server stop drains before it closes the live connections. */
  public static final ConfigKey DRAIN_ON_STOP =
      new ConfigKey(
          "fastrtc.drain.stop-seconds",
          "seconds",
          "`10`",
          "how long stopping the server or the application with live connections drains first:"
              + " new connections are refused, live ones may end by themselves, then the rest are"
              + " closed; a stop with none live is not delayed; `0` closes at once; keep it below"
              + " the orchestrator's grace period (Kubernetes: 30 s by default)");

  /** Puts every route behind single sign-on. */
  public static final ConfigKey SECURITY_ENABLED =
      new ConfigKey(
          "fastrtc.security.enabled",
          "boolean",
          "`false`",
          "every route needs an authenticated user; set by the overlay"
              + " `configDropins/overrides/security.xml` (see `docs/security.md`)");

  /** The identity provider, as the start-up log line names it. */
  public static final ConfigKey SECURITY_PROVIDER =
      new ConfigKey(
          "fastrtc.security.provider",
          "string",
          "none",
          "the identity provider's issuer URL, named in the start-up log line");

  /** The claim of a bearer token that carries the groups. */
  public static final ConfigKey SECURITY_GROUPS_CLAIM =
      new ConfigKey(
          "fastrtc.security.groups-claim",
          "string",
          "`groups`",
          "the bearer token's claim with the user's groups (`groupIds` for Liberty's provider);"
              + " the overlay sets it from `oidc.groups-claim`");

  /** The role of operators. */
  public static final ConfigKey SECURITY_OPERATOR_ROLE =
      new ConfigKey(
          "fastrtc.security.operator-role",
          "string",
          "`operator`",
          "the group that may use operator routes (`POST /api/status/reset`)");

  /** Origins other than the server's own that may call the API and open sockets. */
  public static final ConfigKey SECURITY_ALLOWED_ORIGINS =
      new ConfigKey(
          "fastrtc.security.allowed-origins",
          "list",
          "none",
          "comma-separated origins (`https://app.example.com`) of other sites whose pages may"
              + " call the routes (CORS, with credentials) and open WebSockets");

  /** Overrides a stream's roles. */
  public static final ConfigKey STREAM_ROLES =
      new ConfigKey(
          "fastrtc.stream.<name>.roles",
          "list",
          "the annotation's `roles` (none: every user)",
          "comma-separated groups allowed to use one stream under single sign-on");

  /** Twilio's auth token, for X-Twilio-Signature. */
  public static final ConfigKey TELEPHONE_TWILIO_AUTH_TOKEN =
      new ConfigKey(
          "fastrtc.telephone.twilio-auth-token",
          "string",
          "none",
          "the Twilio account's auth token: the telephone routes then need a valid"
              + " `X-Twilio-Signature`; required under single sign-on");

  /** The Redis that coordinates a cluster; none: a single server, everything in memory. */
  public static final ConfigKey CLUSTER_REDIS_URI =
      new ConfigKey(
          "fastrtc.cluster.redis-uri",
          "URI",
          "none (a single server, in memory)",
          "the Redis that coordinates a cluster of nodes, e.g. `redis://10.0.0.9:6379`: owner"
              + " registry, one concurrency limit across nodes, outputs readable on any node (see"
              + " `docs/scaling.md`)");

  /** This node's name in the cluster. */
  public static final ConfigKey CLUSTER_NODE_ID =
      new ConfigKey(
          "fastrtc.cluster.node-id",
          "string",
          "the host name",
          "this node's name in the cluster; unique per node");

  /** This node's internal base URL, where other nodes forward requests. */
  public static final ConfigKey CLUSTER_NODE_ADDRESS =
      new ConfigKey(
          "fastrtc.cluster.node-address",
          "URL",
          "none (required with Redis)",
          "this node's base URL as other nodes reach it, e.g. `http://10.0.0.5:9080`; they forward"
              + " `/input_hook` for its connections there");

  /** The timeout of one Redis command and of one forwarded request. */
  public static final ConfigKey CLUSTER_TIMEOUT =
      new ConfigKey(
          "fastrtc.cluster.timeout-ms",
          "milliseconds",
          "`2000`",
          "timeout of one Redis command, of connecting to Redis, and of a forwarded request");

  /** How long a connection's owner entry and slot live without renewal. */
  public static final ConfigKey CLUSTER_LEASE =
      new ConfigKey(
          "fastrtc.cluster.lease-ms",
          "milliseconds",
          "`15000`",
          "how long a connection's owner entry and concurrency slot live in Redis unless its node"
              + " renews them (every third of it): a dead node's slots return after at most this");

  /** Outputs kept per connection in its Redis stream. */
  public static final ConfigKey CLUSTER_OUTPUTS_KEPT =
      new ConfigKey(
          "fastrtc.cluster.outputs-kept",
          "integer",
          "`1000`",
          "additional outputs kept per connection in its Redis stream, for `/outputs` on other"
              + " nodes and `Last-Event-ID` resume");

  /** The text-to-speech engine behind the unqualified {@code TextToSpeech} bean. */
  public static final ConfigKey SPEECH_TTS =
      new ConfigKey(
          "fastrtc.speech.tts",
          "`freetts` or `flite`",
          "`freetts`",
          "the text-to-speech engine `@Inject TextToSpeech` gets: FreeTTS kevin16 (pure Java) or"
              + " Debian's `flite` (slt voice, needs the package); an application's own"
              + " `@Alternative` bean wins");

  /** The speech-to-text engine behind the unqualified {@code SpeechToText} bean. */
  public static final ConfigKey SPEECH_STT =
      new ConfigKey(
          "fastrtc.speech.stt",
          "`vosk` or `none`",
          "`vosk`",
          "the speech-to-text engine `@Inject SpeechToText` gets: Vosk (needs"
              + " `fastrtc.speech.vosk.model`, checked at deployment when a stream uses it) or none"
              + " (a stream that injects it fails the deployment); an application's own bean wins");

  /**
   * The folder of the Vosk speech-to-text model. Read by {@code handlers.speech.vosk} itself
   * (handlers do not depend on the runtime); declared here with the others for the documentation.
   */
  public static final ConfigKey SPEECH_VOSK_MODEL =
      new ConfigKey(
          "fastrtc.speech.vosk.model",
          "path",
          "none (`mvn liberty:run` and the tests: `target/vosk/model-en-us`)",
          "the folder of the Vosk model the built-in `SpeechToText` loads on first use (the one"
              + " holding `am/`, `conf/`, `graph/`); unset or unreadable, an application whose"
              + " streams use speech-to-text fails to deploy, saying what to add"
              + " (`docs/voice-agents.md`)");

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
