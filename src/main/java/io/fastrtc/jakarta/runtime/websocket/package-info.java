/**
 * FastRTC's WebSocket audio transport ({@code /websocket/offer}): one {@code WebSocketAudioSession}
 * per socket, speaking JSON frames with base64 µ-law, and the ordered non-blocking sender shared
 * with the telephone transport. Not API.
 */
package io.fastrtc.jakarta.runtime.websocket;
