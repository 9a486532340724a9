/**
 * A voice assistant on the public API: {@link io.fastrtc.jakarta.handlers.assistant.VoiceAssistant}
 * listens for a wake word, transcribes the question (the server's {@code SpeechToText}), asks one
 * {@link io.fastrtc.jakarta.handlers.assistant.AnswerFunction} (local intents, or your own language
 * model behind your own endpoint) and speaks the answer (the server's {@code TextToSpeech}).
 */
package io.fastrtc.jakarta.handlers.assistant;
