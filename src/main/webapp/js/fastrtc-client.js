/**
 * @fileoverview A small browser client for one FastRTC stream over WebRTC.
 *
 * It speaks FastRTC's signalling contract: a "text" data channel created
 * before the offer, the SDP offer POSTed to `<base>/webrtc/offer` as
 * `{sdp, type: 'offer', webrtc_id}`, then each local ICE candidate POSTed to
 * the same URL as `{webrtc_id, type: 'ice-candidate', candidate}`. Logical
 * failures arrive as HTTP 200 `{status: 'failed', meta: {error, limit?}}`.
 *
 * Events (CustomEvent, payload in `detail`):
 *   statechange  {state}          RTCPeerConnection state, then 'closed'
 *   channelopen  {}               the data channel is open
 *   message      {raw, data}      data-channel message; data is parsed JSON
 *                                 or the raw string when it is not JSON
 *   track        {track, stream}  a remote media track arrived
 */

/**
 * Turns a failure body's `meta` into a readable sentence.
 * @param {?Object} meta e.g. {error: 'concurrency_limit_reached', limit: 1}
 * @return {string} e.g. 'concurrency limit reached (limit 1)'
 */
export function describeFailure(meta) {
  const code = meta && meta.error ? String(meta.error) : 'unknown error';
  const text = code.replaceAll('_', ' ');
  return meta && meta.limit !== undefined ? `${text} (limit ${meta.limit})` :
                                            text;
}

/**
 * Parses a data-channel message the way FastRTC clients do.
 * @param {string} raw
 * @return {*} the parsed JSON value, or the raw string
 */
export function parseMessage(raw) {
  try {
    return JSON.parse(raw);
  } catch (e) {
    return raw;
  }
}

/**
 * @param {string} modality 'audio', 'video' or 'audio-video'
 * @return {!Array<string>} the track kinds a stream of that modality carries
 */
export function kindsOf(modality) {
  if (modality === 'audio-video') return ['audio', 'video'];
  return modality === 'video' ? ['video'] : ['audio'];
}

/** @return {string} a client-chosen connection id, like FastRTC's demos. */
function randomId() {
  return Math.random().toString(36).substring(2, 12);
}

/** One WebRTC connection to one FastRTC stream. */
export class FastRtcClient extends EventTarget {
  /**
   * @param {string|!URL} baseUrl the stream's base URL, absolute or relative
   *     to the page (the offer URL is `<base>/webrtc/offer`)
   * @param {{rtcConfiguration: (?RTCConfiguration|undefined),
   *          handshake: (boolean|undefined)}=} options `handshake` sends the
   *     string "handshake" when the channel opens, as FastRTC's Gradio
   *     client does (default true)
   */
  constructor(baseUrl, {rtcConfiguration = undefined, handshake = true} = {}) {
    super();
    const base = new URL(String(baseUrl), document.baseURI);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.offerUrl = new URL('webrtc/offer', base);
    this.rtcConfiguration = rtcConfiguration || undefined;
    this.handshake = handshake;
    this.webrtcId = randomId();
    this.state = 'new';
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
      if (!candidate || !candidate.candidate) return;  // end of candidates
      if (answered) {
        this.postCandidate_(candidate);
      } else {
        pending.push(candidate);
      }
    });
    try {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const answer = await this.post_(
          {sdp: offer.sdp, type: 'offer', webrtc_id: this.webrtcId});
      if (answer && answer.status === 'failed') {
        throw new Error(describeFailure(answer.meta));
      }
      if (!answer || answer.type !== 'answer' || !answer.sdp) {
        throw new Error('the server sent no SDP answer');
      }
      if (this.pc !== pc) throw new Error('closed while connecting');
      await pc.setRemoteDescription({type: 'answer', sdp: answer.sdp});
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

  /** @param {string} state */
  setState_(state) {
    if (state === this.state) return;
    this.state = state;
    this.emit_('statechange', {state});
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
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`offer rejected: HTTP ${response.status} ${
          text.slice(0, 200)}`.trim());
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new Error(`the server sent no JSON (HTTP ${response.status})`);
    }
  }

  /**
   * @param {string} type
   * @param {!Object} detail
   */
  emit_(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}
