/** Audio plumbing without native code: PCM conversion, framing and the outgoing audio buffer. */
package io.fastrtc.jakarta.runtime.audio;
