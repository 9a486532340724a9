/**
 * Streams and a probe route added to the real WAR for the integration tests only: a limit-1 echo, a
 * failing handler, a short time limit, and counters of handler lifecycle calls.
 */
package io.fastrtc.jakarta.it.streams;
