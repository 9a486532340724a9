/**
 * Test streams and a probe route for the fault drills ({@code it.FaultDrillsIT}): a handler that
 * hangs, one that throws in {@code startUp}, one that throws in {@code shutdown}, a quiet echo for
 * clients that send nothing, a chatty stream for clients that stop reading, and an echo whose
 * shutdowns are appended to a file (they must be counted after the application is gone).
 */
package io.fastrtc.jakarta.it.drills;
