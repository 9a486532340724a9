/**
 * The only package that touches libwebrtc (through webrtc-java): the peer connection factory, one
 * {@code PeerSession} per WebRTC connection, SDP negotiation and the native resampler. Not API.
 */
package io.fastrtc.jakarta.runtime.webrtc;
