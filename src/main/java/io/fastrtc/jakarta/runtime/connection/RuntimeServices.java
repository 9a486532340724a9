package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.runtime.audio.Resampler;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The shared services every connection uses: where handler calls run, the timer for watchdogs,
 * resamplers and metrics. Managed executors in the server; plain ones in unit tests.
 *
 * @param executor runs handler calls (serialised per connection)
 * @param scheduler runs watchdogs and delayed closes
 * @param resamplers creates sample-rate converters
 * @param metrics runtime counters
 */
public record RuntimeServices(
    Executor executor,
    ScheduledExecutorService scheduler,
    Resampler.Factory resamplers,
    RuntimeMetrics metrics) {}
