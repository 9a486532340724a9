/**
 * The socket transport: one {@code SocketSession} per WebSocket (start watchdog, admission, input,
 * close codes and the one close path) with two protocols over it, FastRTC's {@code
 * /websocket/offer} (JSON frames with base64 µ-law) and Twilio Media Streams on {@code
 * /telephone/handler}; and the ordered non-blocking sender both use. Not API.
 */
package io.fastrtc.jakarta.runtime.socket;
