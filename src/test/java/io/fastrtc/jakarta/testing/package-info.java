/**
 * Test fixtures, not API: synthetic audio and its analysis ({@link Audio}), the shared headless
 * webrtc-java setup ({@link NativeWebRtc}) and a browser-like FastRTC client ({@link ClientPeer})
 * for native, integration and benchmark tests, and seeded generators for the property tests ({@link
 * Generated}).
 */
package io.fastrtc.jakarta.testing;
