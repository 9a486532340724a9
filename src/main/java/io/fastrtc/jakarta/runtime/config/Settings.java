package io.fastrtc.jakarta.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every FastRTC setting (the keys of {@link ConfigKey#all()}), read once from MicroProfile Config
 * and validated, with errors naming the key and the bad value.
 *
 * <p>A setting that is invalid fails where it is used, as it always has: the server peer's ICE
 * settings fail the engine's start ({@link #ice()}), the browsers' ICE settings fail each {@code
 * GET /api/rtc-configuration} ({@link #clientRtc()}), and the telephone's public URL is checked by
 * the webhook. Per-stream keys are read when the stream is known.
 */
public final class Settings {
  private static final Logger LOG = Logger.getLogger(Settings.class.getName());

  /** Where the bundled pages of the classes jar are served unless configured. */
  public static final String DEFAULT_UI_PATH = "/fastrtc";

  private final SettingValues values;
  private final CheckedSetting<IceSettings> ice;
  private final CheckedSetting<ClientRtcConfiguration> clientRtc;
  private final Optional<String> telephonePublicUrl;

  private Settings(Function<String, Optional<String>> source) {
    this.values = new SettingValues(source);
    this.ice = CheckedSetting.of(values::ice);
    this.clientRtc = CheckedSetting.of(() -> ClientRtcConfiguration.from(values::text));
    this.telephonePublicUrl = values.text(ConfigKey.TELEPHONE_PUBLIC_URL.name());
  }

  /**
   * The settings of this application from MicroProfile Config; from system properties alone when
   * MicroProfile Config is unavailable (as it can be while CDI discovers the beans).
   */
  public static Settings fromConfig() {
    Config config;
    try {
      config = ConfigProvider.getConfig();
    } catch (RuntimeException | LinkageError e) {
      LOG.fine(() -> "MicroProfile Config unavailable; using system properties: " + e);
      return from(key -> Optional.ofNullable(System.getProperty(key)));
    }
    return from(key -> config.getOptionalValue(key, String.class));
  }

  /**
   * Settings from any source, e.g. a map in a test.
   *
   * @param source the value of a key, or empty when it is not set
   */
  public static Settings from(Function<String, Optional<String>> source) {
    return new Settings(Objects.requireNonNull(source, "source == null"));
  }

  /** Settings from a map of key to value; keys not in it are unset. */
  public static Settings from(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return from(key -> Optional.ofNullable(copy.get(key)));
  }

  /** No setting set: every default. */
  public static Settings defaults() {
    return from(key -> Optional.empty());
  }

  /**
   * {@code fastrtc.<group>.enabled}, e.g. {@code fastrtc.demo.enabled}.
   *
   * @param group the name of a {@code @StreamGroup}
   * @return whether the group's streams are switched on or off, or empty when the key is not set
   */
  public Optional<Boolean> groupEnabled(String group) {
    return values.bool(ConfigKey.GROUP_ENABLED.forGroup(group));
  }

  /**
   * {@code fastrtc.stream.<name>.enabled}.
   *
   * @param stream the stream's name
   * @return whether the stream is switched on or off, or empty when the key is not set
   */
  public Optional<Boolean> streamEnabled(String stream) {
    return values.bool(ConfigKey.STREAM_ENABLED.forStream(stream));
  }

  /**
   * {@code fastrtc.stream.<name>.concurrency-limit}.
   *
   * @param stream the stream's name
   * @param declared the limit the stream's annotation declares
   * @return the configured limit, else {@code declared}
   * @throws IllegalArgumentException naming the key when the value is not an integer
   */
  public int concurrencyLimit(String stream, int declared) {
    return values
        .integer(ConfigKey.STREAM_CONCURRENCY_LIMIT.forStream(stream), 1, Integer.MAX_VALUE)
        .orElse(declared);
  }

  /**
   * {@code fastrtc.stream.<name>.time-limit}.
   *
   * @param stream the stream's name
   * @param declared the time limit in seconds the stream's annotation declares
   * @return the configured time limit in seconds, else {@code declared}
   * @throws IllegalArgumentException naming the key when the value is not an integer from 0
   */
  public int timeLimit(String stream, int declared) {
    return values
        .integer(ConfigKey.STREAM_TIME_LIMIT.forStream(stream), 0, Integer.MAX_VALUE)
        .orElse(declared);
  }

  /**
   * {@code fastrtc.socket.max-messages-per-second}: the socket message policy's message rate.
   *
   * @throws IllegalArgumentException naming the key when the value is not an integer in range
   */
  public int socketMaxMessagesPerSecond() {
    return values.integer(ConfigKey.SOCKET_MAX_MESSAGES_PER_SECOND.name(), 1, 100_000).orElse(200);
  }

  /**
   * {@code fastrtc.socket.max-chars-per-second}: the socket message policy's character rate.
   *
   * @throws IllegalArgumentException naming the key when the value is not an integer in range
   */
  public int socketMaxCharsPerSecond() {
    return values.integer(ConfigKey.SOCKET_MAX_CHARS_PER_SECOND.name(), 1, 1 << 30).orElse(1 << 20);
  }

  /**
   * {@code fastrtc.socket.max-message-chars}: the longest socket text message handled.
   *
   * @throws IllegalArgumentException naming the key when the value is not an integer in range
   */
  public int socketMaxMessageChars() {
    return values.integer(ConfigKey.SOCKET_MAX_MESSAGE_CHARS.name(), 1, 1 << 26).orElse(256 * 1024);
  }

  /**
   * {@code fastrtc.handler.hang-timeout}: how long one handler call may run before its connection
   * is closed as hung; zero for never.
   *
   * @param byDefault the value when the key is not set
   * @throws IllegalArgumentException naming the key when the value is not a whole number of seconds
   *     at least 0
   */
  public Duration hangTimeout(Duration byDefault) {
    return values.seconds(ConfigKey.HANDLER_HANG_TIMEOUT.name()).orElse(byDefault);
  }

  /**
   * {@code fastrtc.connection.idle-timeout}: how long a client that should send media may send
   * none; zero for never.
   *
   * @param byDefault the value when the key is not set
   * @throws IllegalArgumentException naming the key when the value is not a whole number of seconds
   *     at least 0
   */
  public Duration idleTimeout(Duration byDefault) {
    return values.seconds(ConfigKey.CONNECTION_IDLE_TIMEOUT.name()).orElse(byDefault);
  }

  /**
   * {@code fastrtc.ice.*}: the server peer's ICE configuration.
   *
   * @throws IllegalArgumentException naming the key when a value is invalid
   */
  public IceSettings ice() {
    return ice.get();
  }

  /**
   * {@code fastrtc.client.ice.*}: what browsers get from {@code GET /api/rtc-configuration}.
   *
   * @throws IllegalArgumentException naming the key when a value is invalid
   */
  public ClientRtcConfiguration clientRtc() {
    return clientRtc.get();
  }

  /**
   * {@code fastrtc.telephone.public-url}, as configured; the telephone webhook checks it when it
   * builds a URL from it.
   */
  public Optional<String> telephonePublicUrl() {
    return telephonePublicUrl;
  }

  /** {@code fastrtc.ui.enabled}: whether an embedding application serves the bundled pages. */
  public boolean uiEnabled() {
    return values.bool(ConfigKey.UI_ENABLED.name()).orElse(true);
  }

  /**
   * {@code fastrtc.ui.path}: where an embedding application serves the bundled pages.
   *
   * @return a context-relative path such as {@code /fastrtc}: a leading slash, no trailing one
   * @throws IllegalArgumentException naming the key when the value is not such a path
   */
  public String uiPath() {
    return ChoiceSettings.uiPath(values);
  }

  /** {@code fastrtc.security.*} and the Twilio auth token. */
  public SecuritySettings security() {
    return SecuritySettings.from(values::text, values::bool);
  }

  /**
   * {@code fastrtc.cluster.*}: Redis, this node's id and address, timeouts and leases.
   *
   * @throws IllegalArgumentException naming the key when a value is invalid
   */
  public ClusterSettings cluster() {
    return ClusterSettings.from(
        values::text, key -> values.integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /**
   * {@code fastrtc.stream.<name>.roles}.
   *
   * @return the configured roles (empty list: every user), or empty when the key is not set
   */
  public Optional<List<String>> streamRoles(String stream) {
    return values.text(ConfigKey.STREAM_ROLES.forStream(stream)).map(SettingValues::list);
  }

  /** {@code fastrtc.drain.deadline-seconds}: a drain's deadline unless the request names one. */
  public Duration drainDeadline() {
    return values.seconds(ConfigKey.DRAIN_DEADLINE.name(), 30);
  }

  /** The default of {@code fastrtc.drain.stop-seconds}. */
  public static final int DEFAULT_DRAIN_ON_STOP_SECONDS = 10;

  /**
   * {@code fastrtc.drain.stop-seconds}: how long a server stop with live connections drains first
   * (0: not at all); 10 s by default.
   */
  public Duration drainOnStop() {
    return values.seconds(ConfigKey.DRAIN_ON_STOP.name(), DEFAULT_DRAIN_ON_STOP_SECONDS);
  }

  /** The text-to-speech engines {@code fastrtc.speech.tts} may name. */
  public static final List<String> SPEECH_ENGINES_TTS = List.of("freetts", "flite");

  /**
   * {@code fastrtc.speech.tts}: the name of the text-to-speech engine.
   *
   * @return {@code freetts} (the default) or {@code flite}
   * @throws IllegalArgumentException naming the key when the value is another
   */
  public String speechTts() {
    return ChoiceSettings.oneOf(values, ConfigKey.SPEECH_TTS, SPEECH_ENGINES_TTS, "freetts");
  }

  /** The speech-to-text engines {@code fastrtc.speech.stt} may name; {@code none} for none. */
  public static final List<String> SPEECH_ENGINES_STT = List.of("vosk", "none");

  /**
   * {@code fastrtc.speech.stt}: the name of the speech-to-text engine.
   *
   * @return {@code vosk} (the default) or {@code none}
   * @throws IllegalArgumentException naming the key when the value is another
   */
  public String speechStt() {
    return ChoiceSettings.oneOf(values, ConfigKey.SPEECH_STT, SPEECH_ENGINES_STT, "vosk");
  }
}
