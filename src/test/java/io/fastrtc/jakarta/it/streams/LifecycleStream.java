package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;

/** An echo whose shutdowns are counted, for the vanishing-client test. */
@RealtimeStream(name = "lifecycle", modality = Modality.AUDIO, concurrencyLimit = 4)
@Dependent
public class LifecycleStream extends CountingEcho {}
