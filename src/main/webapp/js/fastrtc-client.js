/**
 * @fileoverview A reusable browser client for FastRTC streams: an ES module
 * with no dependencies and no build step. Import it from the server
 * (`<app>/js/fastrtc-client.js`) or copy it next to your own page.
 *
 * It speaks FastRTC's signalling contract: a "text" data channel created
 * before the offer, the SDP offer POSTed to `<base>/webrtc/offer` as
 * `{sdp, type: 'offer', webrtc_id}`, then, with trickle ICE (the default),
 * each local ICE candidate POSTed to the same URL as
 * `{webrtc_id, type: 'ice-candidate', candidate}`; without trickle the offer
 * waits for ICE gathering and carries every candidate. Logical failures
 * arrive as HTTP 200 `{status: 'failed', meta: {error, limit?}}`.
 *
 * Additional inputs go to `POST <base>/input_hook` as `{webrtc_id, ...}`;
 * additional outputs come from `GET <base>/outputs?webrtc_id=` (Server-Sent
 * Events named `output`, each a JSON array of values).
 *
 * Events (CustomEvent, payload in `detail`):
 *   statechange  {state}          RTCPeerConnection state, then 'closed'
 *   channelopen  {}               the data channel is open
 *   message      {raw, data}      data-channel message; data is parsed JSON
 *                                 or the raw string when it is not JSON
 *   track        {track, stream}  a remote media track arrived
 *   output       {values, id}     an additional output (after
 *                                 subscribeOutputs())
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

/**
 * Fetches the RTCConfiguration (ICE and TURN servers) the server hands out at
 * `<app root>/api/rtc-configuration`; `{iceServers: []}` unless configured.
 * @param {string|!URL=} appRoot the application root, e.g. '/' or '/myapp'
 *     (default: the folder of the page)
 * @return {!Promise<!RTCConfiguration>}
 */
export async function fetchRtcConfiguration(
    appRoot = new URL('.', document.baseURI)) {
  const response = await fetch(new URL('api/rtc-configuration', rootUrl(appRoot)), {
    headers: {'Accept': 'application/json'},
    cache: 'no-store',
  });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body || typeof body !== 'object') {
    const detail = body && body.detail ? `: ${body.detail}` : '';
    throw new Error(`no RTC configuration (HTTP ${response.status})${detail}`);
  }
  return body;
}

/**
 * Fetches the deployed streams' metadata, `GET <app root>/api/streams`: name,
 * modality, mode, limits, rates, paths, inputs and outputs of each.
 * @param {string|!URL=} appRoot the application root (default: the folder of
 *     the page)
 * @return {!Promise<!Array<!Object>>}
 */
export async function fetchStreams(appRoot = new URL('.', document.baseURI)) {
  const response = await fetch(new URL('api/streams', rootUrl(appRoot)), {
    headers: {'Accept': 'application/json'},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const streams = await response.json();
  if (!Array.isArray(streams)) throw new Error('not a JSON array');
  return streams;
}

/**
 * @param {string|!URL} appRoot
 * @return {!URL} the application root as an absolute URL ending in '/'
 */
function rootUrl(appRoot) {
  const root = new URL(String(appRoot), document.baseURI);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return root;
}

/** @return {string} a client-chosen connection id, like FastRTC's demos. */
export function randomId() {
  return Math.random().toString(36).substring(2, 12);
}

/**
 * What every transport's client shares: the stream's URLs, the connection id,
 * the state, inputs and outputs.
 */
export class StreamClient extends EventTarget {
  /**
   * @param {string|!URL} baseUrl the stream's base URL, absolute or relative
   *     to the page, e.g. '/streams/echo' (or the application root for the
   *     default stream)
   */
  constructor(baseUrl) {
    super();
    const base = new URL(String(baseUrl), document.baseURI);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    /** @type {!URL} */
    this.base = base;
    /** The id for the offer, `/input_hook` and `/outputs?webrtc_id=`. */
    this.webrtcId = randomId();
    this.state = 'new';
    /** @type {?EventSource} */
    this.outputSource = null;
  }

  /**
   * Sends additional inputs for this connection (FastRTC's input hook). The
   * server validates them against the stream's declared inputs.
   * @param {!Object<string, *>} values input name -> value
   * @return {!Promise<{ok: boolean, status: number, body: *}>} `ok` false
   *     with the server's reasons (`body.meta.errors`) when refused
   */
  async sendInputs(values) {
    const response = await fetch(new URL('input_hook', this.base), {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({webrtc_id: this.webrtcId, ...values}),
    });
    const body = await response.json().catch(() => null);
    return {ok: response.ok, status: response.status, body};
  }

  /**
   * Subscribes to this connection's additional outputs: each arrives as an
   * `output` event. The server ends the stream when the connection closes;
   * close() ends it too. Call it once the connection is up (`channelopen`).
   */
  subscribeOutputs() {
    if (this.outputSource) return;
    const url = new URL('outputs', this.base);
    url.searchParams.set('webrtc_id', this.webrtcId);
    const source = new EventSource(url);
    this.outputSource = source;
    source.addEventListener('open', () => this.emit_('outputsopen', {}));
    source.addEventListener('output', (e) => {
      this.emit_('output', {values: parseMessage(e.data), id: e.lastEventId || null});
    });
    source.addEventListener('overflow', (e) => {
      this.emit_('message', {raw: e.data, data: {type: 'warning',
        message: 'outputs arrived faster than they were read; some were dropped'}});
    });
    source.addEventListener('error', () => {
      // The server ends the stream when the connection closes: do not retry.
      if (this.outputSource === source) this.closeOutputs_();
    });
  }

  /** Ends the outputs subscription, if any. */
  closeOutputs_() {
    if (!this.outputSource) return;
    this.outputSource.close();
    this.outputSource = null;
    this.emit_('outputsclose', {});
  }

  /** @param {string} state */
  setState_(state) {
    if (state === this.state) return;
    this.state = state;
    this.emit_('statechange', {state});
  }

  /**
   * @param {string} type
   * @param {!Object} detail
   */
  emit_(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}

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
      const answer = await this.post_({
        sdp: pc.localDescription.sdp,
        type: 'offer',
        webrtc_id: this.webrtcId,
      });
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
}
