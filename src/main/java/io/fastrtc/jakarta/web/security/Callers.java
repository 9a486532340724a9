package io.fastrtc.jakarta.web.security;

import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.security.StreamAccess;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationTargetException;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authenticated user of a request, as a {@link StreamUser}: the name the server authenticated
 * (the principal) and the groups. For a bearer JWT (mpJwt) the groups are the token's groups; for
 * any principal they include every role FastRTC knows (the streams' roles and the operator role)
 * that the server says the user is in ({@code isUserInRole}). Nothing here reads a token.
 */
@ApplicationScoped
public class Callers {
  private static final Logger LOG = Logger.getLogger(Callers.class.getName());
  private static final String ATTRIBUTE = StreamUser.class.getName();
  private static final String JWT = "org.eclipse.microprofile.jwt.JsonWebToken";

  @Inject StreamAccess access;
  @Inject StreamCatalog catalog;

  /** The latest user seen per name: a WebSocket session has only its handshake's principal. */
  private final Map<String, StreamUser> byName = new ConcurrentHashMap<>();

  /**
   * The authenticated user of {@code request}, or null when it has none (always without single
   * sign-on).
   */
  public StreamUser of(HttpServletRequest request) {
    Object known = request.getAttribute(ATTRIBUTE);
    if (known instanceof StreamUser user) {
      return user;
    }
    Principal principal = access.enabled() ? request.getUserPrincipal() : null;
    if (principal == null) {
      return null;
    }
    Set<String> groups = new LinkedHashSet<>(jwtGroups(principal, groupsClaim()));
    if (groups.isEmpty()) {
      groups.addAll(LibertyGroups.ofCaller());
    }
    for (String role : knownRoles()) {
      if (request.isUserInRole(role)) {
        groups.add(role);
      }
    }
    StreamUser user = new StreamUser(principal.getName(), groups);
    request.setAttribute(ATTRIBUTE, user);
    byName.put(user.name(), user);
    return user;
  }

  /**
   * The user of a WebSocket session whose upgrade request passed {@link SecurityGate}, by its
   * principal; null without one.
   */
  public StreamUser of(Principal principal) {
    if (!access.enabled() || principal == null) {
      return null;
    }
    StreamUser seen = byName.get(principal.getName());
    return seen != null
        ? seen
        : new StreamUser(principal.getName(), jwtGroups(principal, groupsClaim()));
  }

  /** What the caller may see: every connection without single sign-on, else only their own. */
  public StreamConnections view(StreamConnections all, StreamUser caller) {
    return caller == null ? all : all.forUser(caller);
  }

  /** The decisions on streams and operator routes. */
  public StreamAccess access() {
    return access;
  }

  private String groupsClaim() {
    return access.security().groupsClaim();
  }

  private Set<String> knownRoles() {
    Set<String> roles = new LinkedHashSet<>();
    roles.add(access.security().operatorRole());
    catalog.all().forEach(s -> roles.addAll(access.roles(s)));
    return roles;
  }

  /**
   * A MicroProfile JWT's groups ({@code groups}, and the claim the provider uses), read through its
   * interface, which is absent without mpJwt.
   */
  private static Set<String> jwtGroups(Principal principal, String claim) {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> type : interfaces(principal.getClass())) {
      if (type.getName().equals(JWT)) {
        try {
          for (String name : new LinkedHashSet<>(java.util.List.of("groups", claim))) {
            Object value = type.getMethod("getClaim", String.class).invoke(principal, name);
            if (value instanceof Collection<?> values) {
              values.forEach(v -> names.add(unquote(String.valueOf(v))));
            }
          }
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
          LOG.log(Level.FINE, "Could not read the groups of a JWT principal", e);
        }
      }
    }
    return names;
  }

  /** JSON-P string values print with their quotes. */
  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static Set<Class<?>> interfaces(Class<?> type) {
    Set<Class<?>> all = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        all.add(i);
        all.addAll(interfaces(i));
      }
    }
    return all;
  }
}
