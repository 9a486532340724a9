/**
 * Streams added to the real WAR for the inputs-and-outputs integration tests: one that asks for
 * inputs ({@code send_input}), one that counts into outputs, one that bursts 300 outputs at once.
 */
package io.fastrtc.jakarta.it.iostreams;
