/**
 * Twilio's voice webhook ({@code POST /telephone/incoming}): the TwiML that connects a call to the
 * socket transport's {@code /telephone/handler}, with the rule that derives its public {@code wss}
 * URL. Not API.
 */
package io.fastrtc.jakarta.runtime.socket.webhook;
