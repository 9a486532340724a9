package com.example.starter;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayDeque;
import java.util.Queue;

/** An audio stream: plays the microphone back. Also on FastRTC's root path (the default). */
@RealtimeStream(
    name = "echo",
    modality = Modality.AUDIO,
    isDefault = true,
    concurrencyLimit = 2,
    description = "Plays your microphone back")
@Dependent
public class Echo implements StreamHandler {
  private final Queue<AudioFrame> pending = new ArrayDeque<>();

  @Override
  public void receive(AudioFrame frame) {
    pending.add(frame);
  }

  @Override
  public AudioEmission emit() {
    AudioFrame next = pending.poll();
    return next == null ? Emission.none() : Emission.audio(next);
  }
}
