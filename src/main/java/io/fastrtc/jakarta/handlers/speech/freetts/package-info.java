/**
 * FreeTTS ({@code net.sf.sociaal:freetts}), the pure-Java {@link
 * io.fastrtc.jakarta.api.speech.TextToSpeech} named {@code freetts}. The only package that imports
 * {@code com.sun.speech.freetts}.
 */
package io.fastrtc.jakarta.handlers.speech.freetts;
