package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;
import jakarta.enterprise.context.Dependent;

/** Echoes the microphone back; the default stream on FastRTC's root paths. */
@RealtimeStream(
    name = "echo",
    modality = Modality.AUDIO,
    isDefault = true,
    concurrencyLimit = 5,
    description = "Echoes your microphone back")
@Dependent
public class EchoStream extends EchoHandler {}
