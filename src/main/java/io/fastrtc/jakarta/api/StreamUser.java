package io.fastrtc.jakarta.api;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user a connection belongs to, when the server runs with single sign-on (see
 * {@code docs/security.md}). A handler reads it with {@link StreamContext#user()}; the connection
 * answers only to this user's requests (inputs, outputs, trickled candidates, close).
 *
 * @param name the user's name as the identity provider states it (the token's {@code sub}, {@code
 *     upn} or {@code preferred_username} claim, whichever the server maps to the user name)
 * @param groups the user's groups (the token's groups claim, e.g. {@code groups}); empty when the
 *     provider states none
 */
public record StreamUser(String name, Set<String> groups) {

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException when {@code name} or {@code groups} is null
   * @throws IllegalArgumentException when {@code name} is blank
   */
  public StreamUser {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    groups = Set.copyOf(Objects.requireNonNull(groups, "groups == null"));
  }

  /** Whether the user is in at least one of {@code anyOf}. */
  public boolean inAnyGroup(Set<String> anyOf) {
    Objects.requireNonNull(anyOf, "anyOf == null");
    return anyOf.stream().anyMatch(groups::contains);
  }
}
