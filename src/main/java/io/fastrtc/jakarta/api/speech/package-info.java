/**
 * Speech plug-ins: {@link io.fastrtc.jakarta.api.speech.SpeechToText} and {@link
 * io.fastrtc.jakarta.api.speech.TextToSpeech}, FastRTC's {@code STTModel} and {@code TTSModel}.
 *
 * <p>An application picks an implementation by declaring a CDI bean of the interface type (it wins
 * over the built-in producers) or by configuration ({@code fastrtc.speech.stt}, {@code
 * fastrtc.speech.tts}). Models are loaded once per server and shared; the per-connection state (a
 * streaming recognizer) is what {@link io.fastrtc.jakarta.api.speech.SpeechToText#open(int)}
 * returns. Nothing here depends on a particular engine.
 */
package io.fastrtc.jakarta.api.speech;
