/**
 * Configuration, not API: {@link io.fastrtc.jakarta.runtime.config.Settings} reads and validates
 * every FastRTC setting once from MicroProfile Config; {@link
 * io.fastrtc.jakarta.runtime.config.ConfigKey} declares each key with its type, default and
 * meaning.
 */
package io.fastrtc.jakarta.runtime.config;
