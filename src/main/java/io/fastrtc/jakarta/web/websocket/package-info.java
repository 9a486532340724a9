/**
 * One thin WebSocket endpoint for FastRTC's {@code /websocket/offer} and Twilio's {@code
 * /telephone/handler}, on the root paths and under {@code /streams/<name>/}. It finds the stream
 * and hands every frame to the runtime's socket session.
 */
package io.fastrtc.jakarta.web.websocket;
