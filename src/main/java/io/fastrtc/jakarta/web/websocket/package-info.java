/**
 * Thin WebSocket endpoints: FastRTC's {@code /websocket/offer} and Twilio's {@code
 * /telephone/handler}, on the root paths and under {@code /streams/<name>/}. They find the stream
 * and hand every frame to the runtime's session.
 */
package io.fastrtc.jakarta.web.websocket;
