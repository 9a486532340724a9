/**
 * A probe route added to the real WAR for {@code SileroVadIT}: it scores posted audio with the
 * application's injected voice-activity model, inside Liberty.
 */
package io.fastrtc.jakarta.it.vad;
