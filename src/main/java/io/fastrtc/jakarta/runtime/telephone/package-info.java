/**
 * The telephone transport, Twilio-compatible: the voice webhook's TwiML (with the rule that derives
 * the public {@code wss} URL) and one {@code TwilioMediaSession} per Media Stream. Not API.
 */
package io.fastrtc.jakarta.runtime.telephone;
