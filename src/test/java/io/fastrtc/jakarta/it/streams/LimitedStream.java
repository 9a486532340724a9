package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;

/** An echo with FastRTC's default limit of one connection. */
@RealtimeStream(name = "limited", modality = Modality.AUDIO)
@Dependent
public class LimitedStream extends CountingEcho {}
