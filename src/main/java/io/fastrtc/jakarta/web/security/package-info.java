/**
 * The web side of single sign-on ({@code docs/security.md}): {@link
 * io.fastrtc.jakarta.web.security.SecurityGate} in front of every route (authentication required,
 * origins, CORS, Twilio's signature) and {@link io.fastrtc.jakarta.web.security.Callers}, the
 * authenticated user of a request as the runtime sees it. The server authenticates; this package
 * only asks it who the user is.
 */
package io.fastrtc.jakarta.web.security;
