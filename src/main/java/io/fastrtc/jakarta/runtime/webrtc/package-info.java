/**
 * The only package that touches libwebrtc (through webrtc-java): the peer connection factory, one
 * {@code PeerSession} per WebRTC connection (coordinating its observer, audio and video tracks and
 * data channel), SDP negotiation and the native resampler. Not API.
 */
package io.fastrtc.jakarta.runtime.webrtc;
