/**
 * A probe route added to the real WAR for {@code SpeechToTextIT}: it transcribes posted audio with
 * the application's injected speech-to-text (Vosk), inside Liberty.
 */
package io.fastrtc.jakarta.it.stt;
