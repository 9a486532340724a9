/**
 * Vosk speech-to-text (Kaldi, offline): the built-in {@link
 * io.fastrtc.jakarta.api.speech.SpeechToText}. The only package that imports {@code org.vosk}; the
 * model is loaded once per server from the folder named by {@code fastrtc.speech.vosk.model}, and
 * each connection gets its own recognizer.
 */
package io.fastrtc.jakarta.handlers.speech.vosk;
