/**
 * Streams and a probe route added to the real WAR for the integration tests only: a limit-1 echo, a
 * failing handler, a short time limit, counters of handler lifecycle calls, video send mode, the
 * level demo, an audio stream with extra tracks allowed, with their additional outputs recorded,
 * and voice agents that ignore interruptions or ask for their inputs each turn.
 */
package io.fastrtc.jakarta.it.streams;
