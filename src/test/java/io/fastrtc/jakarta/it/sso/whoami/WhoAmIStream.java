package io.fastrtc.jakarta.it.sso.whoami;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.api.StreamUser;
import jakarta.enterprise.context.Dependent;
import java.util.TreeSet;

/**
 * Send mode: while media arrives, outputs twice a second the name and the sorted, comma-separated
 * groups of the user {@link StreamContext#user()} gives ({@code "-"} without one).
 */
@RealtimeStream(
    name = "whoami",
    modality = Modality.AUDIO,
    mode = Mode.SEND,
    concurrencyLimit = 5,
    outputs = {
      @Output(name = "user", kind = OutputKind.VALUE, label = "User"),
      @Output(name = "groups", kind = OutputKind.VALUE, label = "Groups")
    },
    description = "Reports the connection's user (secured tests only)")
@Dependent
public class WhoAmIStream implements StreamHandler {
  private StreamContext context;
  private int frames;

  @Override
  public void startUp(StreamContext context) {
    this.context = context;
  }

  @Override
  public void receive(AudioFrame frame) {
    frames++;
  }

  @Override
  public AudioEmission emit() {
    if (frames < 25 || context == null) {
      return Emission.none();
    }
    frames = 0;
    StreamUser user = context.user().orElse(null);
    return user == null
        ? Emission.outputs("-", "-")
        : Emission.outputs(user.name(), String.join(",", new TreeSet<>(user.groups())));
  }
}
