/**
 * The FastRTC wire contract, defined once: request parsing, signalling responses and data-channel
 * envelopes, with FastRTC's exact field and event names. Not API.
 */
package io.fastrtc.jakarta.runtime.wire;
