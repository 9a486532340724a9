package io.fastrtc.jakarta.runtime.security;

import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.config.SecuritySettings;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Who may use what under single sign-on: a stream's roles (its annotation's {@link
 * RealtimeStream#roles()}, overridden by {@code fastrtc.stream.<name>.roles}) and the operator
 * role. With security off every caller (there is none) may use everything.
 */
public final class StreamAccess {
  private final SecuritySettings security;
  private final Settings settings;

  /** Decisions from the given settings. */
  public StreamAccess(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.security = settings.security();
  }

  /** The security settings these decisions follow. */
  public SecuritySettings security() {
    return security;
  }

  /** {@code fastrtc.telephone.public-url}: the URL Twilio calls and signs, when set. */
  public java.util.Optional<String> telephonePublicUrl() {
    return settings.telephonePublicUrl();
  }

  /** Whether every route needs an authenticated user. */
  public boolean enabled() {
    return security.enabled();
  }

  /** The groups allowed to use {@code stream}; empty when every authenticated user may. */
  public Set<String> roles(StreamDefinition stream) {
    return settings
        .streamRoles(stream.name())
        .<Set<String>>map(Set::copyOf)
        .orElseGet(() -> declared(stream));
  }

  private static Set<String> declared(StreamDefinition stream) {
    RealtimeStream a = stream.handlerClass().getAnnotation(RealtimeStream.class);
    return a == null
        ? Set.of()
        : Set.copyOf(Arrays.stream(a.roles()).filter(r -> !r.isBlank()).toList());
  }

  /**
   * Whether {@code caller} may open connections of {@code stream} and see it in the stream list.
   *
   * @param caller the authenticated user, or null when the request carries none
   */
  public boolean mayUse(StreamUser caller, StreamDefinition stream) {
    if (!security.enabled()) {
      return true;
    }
    if (caller == null) {
      return false;
    }
    Set<String> roles = roles(stream);
    return roles.isEmpty() || caller.inAnyGroup(roles);
  }

  /** Whether {@code caller} may use the operator routes (counter reset). */
  public boolean isOperator(StreamUser caller) {
    if (!security.enabled()) {
      return true;
    }
    return caller != null && caller.groups().contains(security.operatorRole());
  }
}
