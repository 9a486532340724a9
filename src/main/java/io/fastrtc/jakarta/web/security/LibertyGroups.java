package io.fastrtc.jakarta.web.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;

/**
 * The groups of the caller as Open Liberty's own security stores them (its {@code WSSubject} and
 * {@code WSCredential} API, read reflectively so the WAR still runs elsewhere): for a browser
 * session from the OpenID Connect client, these are the groups claim of the provider's ID token.
 * Entries look like {@code group:<realm>/<name>}; only the name is kept.
 */
final class LibertyGroups {
  private static final Logger LOG = Logger.getLogger(LibertyGroups.class.getName());

  private LibertyGroups() {}

  /** The caller's groups; empty when not on Liberty or when Liberty knows none. */
  static Set<String> ofCaller() {
    Set<String> groups = new LinkedHashSet<>();
    try {
      Class<?> wsSubject = Class.forName("com.ibm.websphere.security.auth.WSSubject");
      Class<?> wsCredential = Class.forName("com.ibm.websphere.security.cred.WSCredential");
      Object subject = wsSubject.getMethod("getCallerSubject").invoke(null);
      if (!(subject instanceof Subject s)) {
        return groups;
      }
      for (Object credential : s.getPublicCredentials(wsCredential)) {
        String realm = String.valueOf(wsCredential.getMethod("getRealmName").invoke(credential));
        if (wsCredential.getMethod("getGroupIds").invoke(credential) instanceof Collection<?> ids) {
          ids.forEach(id -> groups.add(name(String.valueOf(id), realm)));
        }
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "No Liberty groups for the caller", e);
    }
    return groups;
  }

  private static String name(String id, String realm) {
    String rest = id.startsWith("group:") ? id.substring("group:".length()) : id;
    if (rest.startsWith(realm + "/")) {
      return rest.substring(realm.length() + 1);
    }
    int slash = rest.lastIndexOf('/');
    return slash < 0 ? rest : rest.substring(slash + 1);
  }
}
