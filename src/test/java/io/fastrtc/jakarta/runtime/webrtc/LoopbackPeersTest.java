package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.AudioCapture;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.MessageLog;
import io.fastrtc.jakarta.testing.NativeWebRtc;
import io.fastrtc.jakarta.testing.PacedAudioSource;
import io.fastrtc.jakarta.testing.SessionDescriptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two webrtc-java peers in one JVM, wired directly (offer, answer and candidates handed over in
 * memory): proves the headless native setup carries audio and data channel messages.
 */
@Tag("native")
class LoopbackPeersTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration WINDOW = Duration.ofMillis(500);

  @Test
  void carriesToneAndDataChannelMessagesBetweenTwoPeersInOneJvm() {
    long start = System.nanoTime();
    PeerConnectionFactory factory = NativeWebRtc.factory();
    long factoryMillis = millisSince(start);
    Peer a = new Peer(factory);
    Peer b = new Peer(factory);
    a.remote = b;
    b.remote = a;
    PacedAudioSource tone = new PacedAudioSource();
    AudioTrack toneTrack = factory.createAudioTrack("tone", tone.source());
    RTCRtpSender toneSender = a.pc.addTrack(toneTrack, List.of("stream"));
    RTCDataChannel channel = a.pc.createDataChannel("text", new RTCDataChannelInit());
    channel.registerObserver(a.messages.observer(() -> {}));

    long negotiationStart = System.nanoTime();
    RTCSessionDescription offer = SessionDescriptions.createOffer(a.pc);
    SessionDescriptions.setLocal(a.pc, offer);
    b.setRemote(offer);
    RTCSessionDescription answer = SessionDescriptions.createAnswer(b.pc);
    SessionDescriptions.setLocal(b.pc, answer);
    a.setRemote(answer);
    Await.until(() -> a.connected() && b.connected(), TIMEOUT, () -> a.state + "/" + b.state);
    System.out.printf(
        "loopback: factory ready in %d ms, peers CONNECTED %d ms after createOffer (%d ms total)%n",
        factoryMillis, millisSince(negotiationStart), millisSince(start));

    tone.start();
    tone.startTone(440, 0.5);
    Await.until(
        () -> isTone(b.capture.last(WINDOW), b.capture.sampleRate(), 440),
        TIMEOUT,
        () -> b.capture + " last 0.5 s at " + frequency(b.capture) + " Hz");
    short[] received = b.capture.last(WINDOW);
    assertThat(b.capture.sampleRate()).isEqualTo(48_000);
    assertThat(received).hasSize(24_000);
    assertThat(Audio.dominantFrequency(received, 48_000)).isCloseTo(440, within(10.0));
    assertThat(Audio.rms(received)).isGreaterThan(2_000);

    Await.until(
        () -> channel.getState() == RTCDataChannelState.OPEN && b.channel() != null,
        TIMEOUT,
        () -> "data channel " + channel.getState());
    sendText(channel, "ping");
    assertThat(b.messages.await("ping"::equals, TIMEOUT)).isEqualTo("ping");
    sendText(b.channel(), "{\"type\":\"log\",\"data\":\"pong\"}");
    assertThat(a.messages.await(m -> m.contains("pong"), TIMEOUT)).contains("\"data\":\"pong\"");

    assertThatCode(
            () -> {
              tone.stop();
              b.detachSink();
              for (RTCDataChannel dc : List.of(channel, b.channel())) {
                dc.unregisterObserver();
                dc.close();
                dc.dispose();
              }
              a.pc.removeTrack(toneSender); // else dispose() says a reference is still around
              a.pc.close();
              b.pc.close();
              toneTrack.dispose();
              tone.close();
              tone.close(); // idempotent
            })
        .doesNotThrowAnyException();
  }

  private static boolean isTone(short[] samples, int rate, double hz) {
    return samples.length >= 24_000
        && Math.abs(Audio.dominantFrequency(samples, rate) - hz) <= 10
        && Audio.rms(samples) > 2_000;
  }

  private static String frequency(AudioCapture capture) {
    short[] last = capture.last(WINDOW);
    return last.length < 64 ? "-" : String.format("%.1f", Audio.dominantFrequency(last, 48_000));
  }

  private static void sendText(RTCDataChannel channel, String text) {
    try {
      channel.send(MessageLog.encode(text));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** One side: forwards candidates to the other side once it can take them. */
  private static final class Peer implements PeerConnectionObserver {
    final RTCPeerConnection pc;
    final AudioCapture capture = new AudioCapture(Duration.ofSeconds(5));
    final MessageLog messages = new MessageLog();
    final List<RTCIceCandidate> early = new ArrayList<>();
    volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
    volatile Peer remote;
    private boolean hasRemoteDescription;
    private AudioTrack remoteTrack;
    private RTCDataChannel remoteChannel;

    Peer(PeerConnectionFactory factory) {
      pc = factory.createPeerConnection(NativeWebRtc.configuration(), this);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      remote.addCandidate(candidate);
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState newState) {
      state = newState;
    }

    @Override
    public synchronized void onTrack(RTCRtpTransceiver transceiver) {
      MediaStreamTrack track = transceiver.getReceiver().getTrack();
      if (MediaStreamTrack.AUDIO_TRACK_KIND.equals(track.getKind())) {
        remoteTrack = (AudioTrack) track;
        remoteTrack.addSink(capture);
      }
    }

    @Override
    public synchronized void onDataChannel(RTCDataChannel channel) {
      remoteChannel = channel;
      channel.registerObserver(messages.observer(() -> {}));
    }

    synchronized RTCDataChannel channel() {
      return remoteChannel;
    }

    boolean connected() {
      return state == RTCPeerConnectionState.CONNECTED;
    }

    /**
     * Candidates that arrive before the remote description are held, then applied. Native calls
     * happen outside the lock: they run on the signalling thread, which may be waiting for it.
     */
    void addCandidate(RTCIceCandidate candidate) {
      synchronized (this) {
        if (!hasRemoteDescription) {
          early.add(candidate);
          return;
        }
      }
      pc.addIceCandidate(candidate);
    }

    void setRemote(RTCSessionDescription description) {
      SessionDescriptions.setRemote(pc, description);
      List<RTCIceCandidate> held;
      synchronized (this) {
        hasRemoteDescription = true;
        held = List.copyOf(early);
        early.clear();
      }
      held.forEach(pc::addIceCandidate);
    }

    void detachSink() {
      AudioTrack track;
      synchronized (this) {
        track = remoteTrack;
      }
      if (track != null) {
        track.removeSink(capture);
      }
    }
  }
}
