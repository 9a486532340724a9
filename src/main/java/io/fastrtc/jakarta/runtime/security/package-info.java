/**
 * Single sign-on decisions that are ours rather than the server's (see {@code docs/security.md}):
 * which users may use which stream and the operator routes ({@link
 * io.fastrtc.jakarta.runtime.security.StreamAccess}), which foreign origins may call in ({@link
 * io.fastrtc.jakarta.runtime.security.OriginPolicy}), and Twilio's request signature ({@link
 * io.fastrtc.jakarta.runtime.security.TwilioSignature}). Authentication itself (the OpenID Connect
 * login, JWT validation) is the application server's job; nothing here reads a token.
 */
package io.fastrtc.jakarta.runtime.security;
