package io.fastrtc.jakarta.runtime.operations;

import java.time.Instant;

/**
 * What {@code GET /api/drain} reports.
 *
 * @param draining whether new connections are refused
 * @param startedAt when the drain started, or null
 * @param deadline when live connections will be closed, or null
 * @param deadlinePassed whether the deadline has passed (and live connections were closed)
 * @param live the live connections now
 */
public record DrainState(
    boolean draining, Instant startedAt, Instant deadline, boolean deadlinePassed, int live) {}
