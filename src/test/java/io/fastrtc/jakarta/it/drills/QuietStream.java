package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;

/** An echo for the clients that send no media at all. */
@RealtimeStream(name = "quiet", modality = Modality.AUDIO, concurrencyLimit = 1)
@Dependent
public class QuietStream extends DrillEcho {}
