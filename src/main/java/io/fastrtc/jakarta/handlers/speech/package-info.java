/**
 * Built-in speech engines for {@link io.fastrtc.jakarta.api.speech.TextToSpeech}, one subpackage
 * each (the only place that imports that engine), plus what they share: splitting a text into
 * sentences and speaking it sentence by sentence, so the first audio is ready after the first
 * sentence.
 */
package io.fastrtc.jakarta.handlers.speech;
