package io.fastrtc.jakarta.handlers.turn;

import io.fastrtc.jakarta.api.AudioEmission;
import java.util.concurrent.Flow;

/**
 * A voice agent's reply: gets the user's utterance and returns the reply as a stream of emissions
 * (audio, additional outputs, a close). FastRTC's {@code fn} generator.
 *
 * <p><b>Why a {@link Flow.Publisher}.</b> A reply must be cancellable the moment the user barges
 * in, must not run faster than it is played when it is cheap to make (a generator), and must not
 * hold up the listening when it is slow to make (a language model, a remote TTS). A {@code
 * Publisher} does all three with the JDK alone: {@link ReplyOnPause} requests one emission at a
 * time as the outgoing audio runs low, and cancels the subscription on barge-in. A reply made
 * synchronously is one line with {@link Replies#of(AudioEmission...)} or {@link
 * Replies#from(java.util.Iterator)} (produced on request, on the handler's thread, like FastRTC's
 * sync generators); a reply made elsewhere (an HTTP client's publisher, a {@code
 * SubmissionPublisher} fed from a managed executor) arrives on its own threads while the handler
 * keeps listening. An {@code Iterator} would block the listening for slow replies; a callback sink
 * would need its own thread for every reply and its own cancellation signal.
 */
@FunctionalInterface
public interface ReplyFunction {

  /**
   * Starts a reply.
   *
   * @param utterance the user's speech (empty for a greeting), the reason and the inputs
   * @return the reply; {@link Replies#none()} for none. It is subscribed at once, and cancelled
   *     when the user interrupts (with {@code canInterrupt}) or the connection closes.
   * @throws Exception to fail the connection, as any handler exception does
   */
  Flow.Publisher<? extends AudioEmission> reply(Utterance utterance) throws Exception;
}
