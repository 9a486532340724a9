package io.fastrtc.jakarta.runtime.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The settings whose value must have a shape or come from a list: the bundled pages' path and the
 * speech engines' names, each validated with an error naming the key and the bad value.
 */
final class ChoiceSettings {
  private static final Pattern UI_PATH = Pattern.compile("(/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._-]+)+");

  private ChoiceSettings() {}

  /** See {@link Settings#uiPath()}. */
  static String uiPath(SettingValues values) {
    String key = ConfigKey.UI_PATH.name();
    String value = values.text(key).map(String::trim).orElse(Settings.DEFAULT_UI_PATH);
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

  /**
   * The value of {@code key}, trimmed and lower-cased, which must be one of {@code choices}.
   *
   * @param byDefault the value when the key is not set
   * @throws IllegalArgumentException naming the key when the value is not one of {@code choices}
   */
  static String oneOf(SettingValues values, ConfigKey key, List<String> choices, String byDefault) {
    String value =
        values.text(key.name()).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(byDefault);
    if (!choices.contains(value)) {
      throw new IllegalArgumentException(key.name() + " must be one of " + choices + ": " + value);
    }
    return value;
  }
}
