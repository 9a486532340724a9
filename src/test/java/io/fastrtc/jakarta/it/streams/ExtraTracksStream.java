package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;
import jakarta.enterprise.context.Dependent;

/** An audio echo that accepts (and ignores) an offered camera: FastRTC's allow_extra_tracks. */
@RealtimeStream(name = "extra-tracks", modality = Modality.AUDIO, allowExtraTracks = true)
@Dependent
public class ExtraTracksStream extends EchoHandler {}
