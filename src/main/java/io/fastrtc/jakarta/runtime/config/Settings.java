package io.fastrtc.jakarta.runtime.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;
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

  private static final Pattern UI_PATH = Pattern.compile("(/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._-]+)+");

  private final Function<String, Optional<String>> source;
  private final Checked<IceSettings> ice;
  private final Checked<ClientRtcConfiguration> clientRtc;
  private final Optional<String> telephonePublicUrl;

  private Settings(Function<String, Optional<String>> source) {
    this.source = source;
    this.ice = Checked.of(this::readIce);
    this.clientRtc = Checked.of(() -> ClientRtcConfiguration.from(this::text));
    this.telephonePublicUrl = text(ConfigKey.TELEPHONE_PUBLIC_URL.name());
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
    return bool(ConfigKey.GROUP_ENABLED.forGroup(group));
  }

  /**
   * {@code fastrtc.stream.<name>.enabled}.
   *
   * @param stream the stream's name
   * @return whether the stream is switched on or off, or empty when the key is not set
   */
  public Optional<Boolean> streamEnabled(String stream) {
    return bool(ConfigKey.STREAM_ENABLED.forStream(stream));
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
    return integer(ConfigKey.STREAM_CONCURRENCY_LIMIT.forStream(stream)).orElse(declared);
  }

  /**
   * {@code fastrtc.stream.<name>.time-limit}.
   *
   * @param stream the stream's name
   * @param declared the time limit in seconds the stream's annotation declares
   * @return the configured time limit in seconds, else {@code declared}
   * @throws IllegalArgumentException naming the key when the value is not an integer
   */
  public int timeLimit(String stream, int declared) {
    return integer(ConfigKey.STREAM_TIME_LIMIT.forStream(stream)).orElse(declared);
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
    return bool(ConfigKey.UI_ENABLED.name()).orElse(true);
  }

  /**
   * {@code fastrtc.ui.path}: where an embedding application serves the bundled pages.
   *
   * @return a context-relative path such as {@code /fastrtc}: a leading slash, no trailing one
   * @throws IllegalArgumentException naming the key when the value is not such a path
   */
  public String uiPath() {
    String key = ConfigKey.UI_PATH.name();
    String value = text(key).map(String::trim).orElse(DEFAULT_UI_PATH);
    String path = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    if (!UI_PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          key
              + " must be a path below the context root such as /fastrtc or /tools/rtc (letters,"
              + " digits, '.', '_', '-' per segment, not '/' alone): "
              + value);
    }
    return path;
  }

  /** {@code fastrtc.security.*} and the Twilio auth token. */
  public SecuritySettings security() {
    return SecuritySettings.from(this::text, this::bool);
  }

  /**
   * {@code fastrtc.cluster.*}: Redis, this node's id and address, timeouts and leases.
   *
   * @throws IllegalArgumentException naming the key when a value is invalid
   */
  public ClusterSettings cluster() {
    return ClusterSettings.from(this::text, this::integer);
  }

  /**
   * {@code fastrtc.stream.<name>.roles}.
   *
   * @return the configured roles (empty list: every user), or empty when the key is not set
   */
  public Optional<List<String>> streamRoles(String stream) {
    return text(ConfigKey.STREAM_ROLES.forStream(stream)).map(Settings::list);
  }

  private IceSettings readIce() {
    return new IceSettings(
        text(ConfigKey.ICE_SERVERS.name()).map(Settings::list).orElse(List.of()),
        text(ConfigKey.ICE_USERNAME.name()).orElse(""),
        text(ConfigKey.ICE_CREDENTIAL.name()).orElse(""),
        integer(ConfigKey.ICE_PORT_MIN.name()).orElse(0),
        integer(ConfigKey.ICE_PORT_MAX.name()).orElse(0));
  }

  /** A comma-separated list, trimmed, without empty elements. */
  static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
  }

  private Optional<String> text(String key) {
    return source.apply(key);
  }

  /** MicroProfile Config's booleans: true, 1, yes, y and on (any case) are true. */
  private Optional<Boolean> bool(String key) {
    return text(key)
        .map(
            v ->
                switch (v.trim().toLowerCase(Locale.ROOT)) {
                  case "true", "1", "yes", "y", "on" -> true;
                  default -> false;
                });
  }

  private Optional<Integer> integer(String key) {
    Optional<String> value = text(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.valueOf(value.get().trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer: " + value.get(), e);
    }
  }

  /** A value read at start, or the error that reading it gave, thrown again on every use. */
  private record Checked<T>(T value, IllegalArgumentException error) {
    static <T> Checked<T> of(java.util.function.Supplier<T> read) {
      try {
        return new Checked<>(read.get(), null);
      } catch (IllegalArgumentException e) {
        return new Checked<>(null, e);
      }
    }

    T get() {
      if (error != null) {
        throw new IllegalArgumentException(error.getMessage(), error);
      }
      return value;
    }
  }
}
