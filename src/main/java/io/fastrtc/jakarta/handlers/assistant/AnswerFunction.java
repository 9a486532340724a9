package io.fastrtc.jakarta.handlers.assistant;

/**
 * What a voice assistant says back: text in, text out. The demo answers from a few local intents; a
 * team plugs in its own language model here by calling its own endpoint. Called on the connection's
 * handler thread, one question at a time per connection.
 */
@FunctionalInterface
public interface AnswerFunction {

  /**
   * Answers one question.
   *
   * @param question what the user asked after the wake word, lower case words as transcribed
   * @return the answer to speak and show; blank for no answer
   * @throws Exception when no answer can be had; the connection gets the error message
   */
  String answer(String question) throws Exception;
}
