/**
 * Sample streams shown by the bundled page; they use only the API and the built-in handlers. They
 * are opt-in: on only with {@code fastrtc.demo.enabled=true} (the WAR sets it, the reusable jar
 * does not).
 */
@StreamGroup(value = "demo", enabledByDefault = false)
package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.StreamGroup;
