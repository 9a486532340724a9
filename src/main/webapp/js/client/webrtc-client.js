/**
 * @fileoverview One WebRTC connection to one FastRTC stream: the "text" data
 * channel, the offer and its answer, trickle ICE (or one complete offer), the
 * remote tracks. The signalling contract is described in fastrtc-client.js.
 */

import {answerSdp, kindsOf, parseMessage, signallingBody} from './messages.js';
import {StreamClient} from './stream-client.js';

/** One WebRTC connection to one FastRTC stream. */
export class FastRtcClient extends StreamClient {
  /**
   * @param {string|!URL} baseUrl the stream's base URL (the offer URL is
   *     `<base>/webrtc/offer`)
   * @param {{rtcConfiguration: (?RTCConfiguration|undefined),
   *          handshake: (boolean|undefined),
   *          trickle: (boolean|undefined),
   *          gatheringTimeoutMs: (number|undefined)}=} options
   *     `rtcConfiguration` as from fetchRtcConfiguration(); `handshake` sends
   *     the string "handshake" when the channel opens, as FastRTC's Gradio
   *     client does (default true); `trickle` false waits for ICE gathering
   *     (at most `gatheringTimeoutMs`, default 5000) and sends one complete
   *     offer
   */
  constructor(baseUrl, {rtcConfiguration = undefined, handshake = true,
    trickle = true, gatheringTimeoutMs = 5000} = {}) {
    super(baseUrl);
    this.offerUrl = new URL('webrtc/offer', this.base);
    this.rtcConfiguration = rtcConfiguration || undefined;
    this.handshake = handshake;
    this.trickle = trickle;
    this.gatheringTimeoutMs = gatheringTimeoutMs;
    /** @type {?RTCPeerConnection} */
    this.pc = null;
    /** @type {?RTCDataChannel} */
    this.channel = null;
    /** @type {?MediaStream} */
    this.localStream = null;
  }

  /**
   * Negotiates the connection. Resolves once the answer is applied (media may
   * still be connecting: watch `statechange`). Rejects with a readable
   * message on a failure body or HTTP error, after closing the connection.
   * @param {{mode: (string|undefined), stream: (?MediaStream|undefined),
   *          modality: (string|undefined)}=} options mode is 'send-receive'
   *     (default), 'send' or 'receive'; stream is the local media (microphone
   *     and/or camera) for the sending modes; modality ('audio' by default,
   *     'video' or 'audio-video') says which recvonly transceivers a receive
   *     mode offer carries
   */
  async connect({mode = 'send-receive', stream = null, modality = 'audio'} =
                    {}) {
    if (this.pc) throw new Error('already connected');
    const pc = new RTCPeerConnection(this.rtcConfiguration);
    this.pc = pc;
    this.localStream = stream;
    this.watch_(pc);
    this.channel = pc.createDataChannel('text');
    this.watchChannel_(this.channel);
    if (mode === 'receive') {
      kindsOf(modality).forEach(
          (kind) => pc.addTransceiver(kind, {direction: 'recvonly'}));
    } else if (stream) {
      stream.getTracks().forEach((track) => pc.addTrack(track, stream));
    } else {
      this.close();
      throw new Error(`mode ${mode} needs a local MediaStream`);
    }
    // Candidates wait for the offer's answer so the server knows the id;
    // FastRTC drops candidates that arrive first (unknown_connection).
    const pending = [];
    let answered = false;
    pc.addEventListener('icecandidate', ({candidate}) => {
      if (!this.trickle || !candidate || !candidate.candidate) return;
      if (answered) {
        this.postCandidate_(candidate);
      } else {
        pending.push(candidate);
      }
    });
    try {
      await pc.setLocalDescription(await pc.createOffer());
      if (!this.trickle) await this.gathered_(pc);
      const sdp = answerSdp(await this.post_({
        sdp: pc.localDescription.sdp,
        type: 'offer',
        webrtc_id: this.webrtcId,
      }));
      if (this.pc !== pc) throw new Error('closed while connecting');
      await pc.setRemoteDescription({type: 'answer', sdp});
      answered = true;
      pending.splice(0).forEach((c) => this.postCandidate_(c));
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /**
   * Sends a text message on the data channel (ignored unless it is open).
   * @param {string} text
   */
  send(text) {
    if (this.channel && this.channel.readyState === 'open') {
      this.channel.send(text);
    }
  }

  /** @return {!Promise<?RTCStatsReport>} the peer connection's stats. */
  async getStats() {
    return this.pc ? this.pc.getStats() : null;
  }

  /** Stops the local tracks and closes the connection. Safe to repeat. */
  close() {
    this.closeOutputs_();
    const pc = this.pc;
    if (!pc) return;
    this.pc = null;
    if (this.localStream) {
      this.localStream.getTracks().forEach((track) => track.stop());
    }
    if (this.channel) this.channel.close();
    pc.close();  // fires no connectionstatechange, so report it ourselves
    this.setState_('closed');
  }

  /**
   * Waits until ICE gathering completes, or the timeout (then the offer
   * carries the candidates found so far).
   * @param {!RTCPeerConnection} pc
   * @return {!Promise<void>}
   */
  gathered_(pc) {
    if (pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (pc.iceGatheringState !== 'complete') return;
        pc.removeEventListener('icegatheringstatechange', done);
        resolve();
      };
      pc.addEventListener('icegatheringstatechange', done);
      setTimeout(resolve, this.gatheringTimeoutMs);
    });
  }

  /** @param {!RTCPeerConnection} pc */
  watch_(pc) {
    pc.addEventListener('connectionstatechange', () => {
      if (this.pc === pc) this.setState_(pc.connectionState);
    });
    pc.addEventListener('track', ({track, streams}) => {
      const stream = streams[0] || new MediaStream([track]);
      this.emit_('track', {track, stream});
    });
  }

  /** @param {!RTCDataChannel} channel */
  watchChannel_(channel) {
    channel.addEventListener('open', () => {
      if (this.handshake) channel.send('handshake');
      this.emit_('channelopen', {});
    });
    channel.addEventListener('message', ({data}) => {
      const raw = typeof data === 'string' ? data : String(data);
      this.emit_('message', {raw, data: parseMessage(raw)});
    });
  }

  /** @param {!RTCIceCandidate} candidate */
  postCandidate_(candidate) {
    const body = {
      webrtc_id: this.webrtcId,
      type: 'ice-candidate',
      candidate: candidate.toJSON(),
    };
    // Answers such as unknown_connection are ignored, like FastRTC clients do.
    this.post_(body).catch((e) => console.warn('ICE candidate not sent', e));
  }

  /**
   * @param {!Object} body
   * @return {!Promise<*>} the parsed JSON response
   */
  async post_(body) {
    const response = await fetch(this.offerUrl, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body),
    });
    return signallingBody(response.status, await response.text());
  }
}
