/**
 * @fileoverview A browser client for one FastRTC stream over the WebSocket
 * transport, `<base>/websocket/offer`.
 *
 * It speaks FastRTC's protocol: JSON text frames, `{"event":"start",
 * "websocket_id":id}` first, then `{"event":"media","media":{"payload":b64}}`
 * with 8-bit G.711 µ-law at the stream's input rate, `{"event":"stop"}` to end.
 * The server answers with µ-law `media` at the stream's output rate, paced in
 * real time, plus the data-channel messages (`{"type":...}`) on the same
 * socket. Two server frames are not FastRTC's: `{"event":"clear"}` (the
 * handler flushed, so queued playback is dropped at once) and the failure body
 * `{"status":"failed","meta":{...}}` before a refusing close. Every
 * `pingIntervalMs` the client sends `{"event":"ping"}` and times the `pong`.
 * Inputs and outputs work as with FastRtcClient (sendInputs,
 * subscribeOutputs).
 *
 * Playback schedules each chunk right after the previous one, at least
 * `playbackLead` seconds ahead (a jitter buffer), into a MediaStream so the
 * page's <audio> element and analyser work as for WebRTC.
 *
 * Events (CustomEvent, payload in `detail`), as FastRtcClient's:
 *   statechange  {state}          'connecting', 'connected', 'closed', 'failed'
 *   message      {raw, data}      any non-media frame (data: parsed JSON)
 *   track        {track, stream}  the playback stream, once
 *   channelopen  {}               `start` was sent: inputs and outputs may use
 *                                 the id (FastRTC's `webrtc_id` is the
 *                                 `websocket_id` on this transport)
 *   clear        {droppedSeconds} the server asked to drop queued audio
 *   output       {values, id}     an additional output
 */

import {parseMessage, StreamClient} from './fastrtc-client.js';

/** @const {!Int16Array} µ-law byte -> 16-bit sample (G.711). */
const DECODE = (() => {
  const table = new Int16Array(256);
  for (let i = 0; i < 256; i++) {
    const u = ~i & 0xff;
    const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
    table[i] = (u & 0x80) ? 0x84 - t : t - 0x84;
  }
  return table;
})();

/**
 * Encodes one 16-bit sample as G.711 µ-law.
 * @param {number} sample an integer in [-32768, 32767]
 * @return {number} the code byte
 */
export function muLawEncode(sample) {
  let pcm = sample;
  let sign = 0;
  if (pcm < 0) {
    pcm = -pcm;
    sign = 0x80;
  }
  pcm = Math.min(pcm, 32635) + 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) {
    exponent--;
  }
  const mantissa = (pcm >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/**
 * Decodes one µ-law byte.
 * @param {number} code
 * @return {number} the 16-bit sample
 */
export function muLawDecode(code) {
  return DECODE[code & 0xff];
}

/**
 * @param {!Uint8Array} bytes
 * @return {string} base64
 */
function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

/**
 * @param {string} base64
 * @return {!Uint8Array}
 */
function fromBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Converts captured Float32 audio from the context's rate to the stream's
 * input rate by linear interpolation; a no-op when the rates match (Chromium
 * honours the requested AudioContext rate, so it usually is).
 */
class LinearResampler {
  /**
   * @param {number} from source rate
   * @param {number} to target rate
   */
  constructor(from, to) {
    this.step = from / to;
    this.position = 0;
    this.last = 0;
  }

  /**
   * @param {!Float32Array} input
   * @return {!Float32Array}
   */
  process(input) {
    if (this.step === 1) return input;
    const out = [];
    let p = this.position;
    while (p < input.length) {
      const i = Math.floor(p);
      const a = i === 0 ? this.last : input[i - 1];
      const b = input[i];
      const frac = p - i;
      out.push(a + (b - a) * frac);
      p += this.step;
    }
    this.position = p - input.length;
    this.last = input[input.length - 1];
    return Float32Array.from(out);
  }
}

/** One WebSocket connection to one FastRTC audio stream. */
export class WebSocketAudioClient extends StreamClient {
  /**
   * @param {string|!URL} baseUrl the stream's base URL (the socket is
   *     `<base>/websocket/offer`, with ws: or wss:)
   * @param {{inputSampleRate: (number|undefined),
   *          outputSampleRate: (number|undefined),
   *          playbackLead: (number|undefined),
   *          pingIntervalMs: (number|undefined)}=} options the stream's rates
   *     (FastRTC's defaults 48000 and 24000), the jitter buffer in seconds
   *     and how often `ping` measures the round trip (stats.rttMs)
   */
  constructor(baseUrl, {inputSampleRate = 48000, outputSampleRate = 24000,
    playbackLead = 0.1, pingIntervalMs = 2000} = {}) {
    super(baseUrl);
    const url = new URL('websocket/offer', this.base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.url = url;
    this.inputSampleRate = inputSampleRate;
    this.outputSampleRate = outputSampleRate;
    this.playbackLead = playbackLead;
    this.pingIntervalMs = pingIntervalMs;
    /**
     * Counters for the page and tests; rttMs is the latest ping-pong round
     * trip (null before the first pong).
     */
    this.stats = {
      mediaSent: 0,
      mediaReceived: 0,
      secondsReceived: 0,
      clears: 0,
      bytesSent: 0,
      bytesReceived: 0,
      rttMs: null,
    };
    /** @type {?number} performance.now() of the unanswered ping */
    this.pingSentAt = null;
    /** @type {?number} */
    this.pingTimer = null;
    /** @type {?WebSocket} */
    this.socket = null;
    /** @type {?MediaStream} */
    this.localStream = null;
    /** @type {?AudioContext} */
    this.captureContext = null;
    /** @type {?AudioContext} */
    this.playbackContext = null;
    /** @type {?MediaStreamAudioDestinationNode} */
    this.playbackOut = null;
    /** @type {!Set<!AudioBufferSourceNode>} scheduled, not yet ended */
    this.playing = new Set();
    this.nextPlayTime = 0;
    this.pending = new Float32Array(0);
  }

  /**
   * @return {string} FastRTC's `websocket_id`; the same id goes to
   *     `/input_hook` and `/outputs?webrtc_id=`
   */
  get websocketId() {
    return this.webrtcId;
  }

  /**
   * Opens the socket, sends `start` and starts capture (unless receiving only)
   * and playback (unless sending only). Resolves once `start` is sent; a
   * refusal (e.g. the concurrency limit) arrives as a `message` whose data has
   * `status: 'failed'`, then the socket closes.
   * @param {{mode: (string|undefined), stream: (?MediaStream|undefined)}=}
   *     options as FastRtcClient.connect
   */
  async connect({mode = 'send-receive', stream = null} = {}) {
    if (this.socket) throw new Error('already connected');
    if (mode !== 'receive' && !stream) {
      throw new Error(`mode ${mode} needs a local MediaStream`);
    }
    this.setState_('connecting');
    this.localStream = stream;
    if (mode !== 'send') this.startPlayback_();
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('message', ({data}) => this.onFrame_(data));
    socket.addEventListener('close', ({code, reason}) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.release_();
      this.setState_(code === 1000 || code === 1005 ? 'closed' : 'failed');
      if (reason) this.closeReason = `${code} ${reason}`;
    });
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, {once: true});
      socket.addEventListener('error',
          () => reject(new Error(`WebSocket ${this.url} failed to open`)),
          {once: true});
    });
    if (this.socket !== socket) throw new Error('closed while connecting');
    this.sendJson_({event: 'start', websocket_id: this.websocketId});
    this.pingTimer = setInterval(() => this.ping_(), this.pingIntervalMs);
    this.ping_();
    this.setState_('connected');
    this.emit_('channelopen', {});
    if (mode !== 'receive') await this.startCapture_(stream);
  }

  /** Sends `stop`, closes the socket and releases audio. Safe to repeat. */
  close() {
    this.closeOutputs_();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify({event: 'stop'}));
      }
      socket.close(1000, 'stop');
    }
    this.release_();
    if (this.state !== 'failed') this.setState_('closed');
  }

  /** @param {!MediaStream} stream */
  async startCapture_(stream) {
    let context;
    try {
      context = new AudioContext({sampleRate: this.inputSampleRate});
    } catch (e) {
      context = new AudioContext();
    }
    this.captureContext = context;
    await context.audioWorklet.addModule(
        new URL('pcm-capture-worklet.js', import.meta.url));
    if (this.captureContext !== context) return;  // closed meanwhile
    const source = context.createMediaStreamSource(stream);
    const capture = new AudioWorkletNode(context, 'fastrtc-pcm-capture');
    const resampler = new LinearResampler(context.sampleRate, this.inputSampleRate);
    capture.port.onmessage = ({data}) => this.onCaptured_(resampler.process(data));
    source.connect(capture);
    await context.resume();
  }

  /**
   * Collects captured audio and sends it in 20 ms media messages.
   * @param {!Float32Array} samples at the input rate
   */
  onCaptured_(samples) {
    const joined = new Float32Array(this.pending.length + samples.length);
    joined.set(this.pending);
    joined.set(samples, this.pending.length);
    const chunk = this.inputSampleRate / 50;
    let offset = 0;
    for (; offset + chunk <= joined.length; offset += chunk) {
      const codes = new Uint8Array(chunk);
      for (let i = 0; i < chunk; i++) {
        const s = Math.max(-1, Math.min(1, joined[offset + i]));
        codes[i] = muLawEncode(Math.round(s * 32767));
      }
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        this.sendJson_({event: 'media', media: {payload: toBase64(codes)}});
        this.stats.mediaSent++;
      }
    }
    this.pending = joined.slice(offset);
  }

  startPlayback_() {
    const context = new AudioContext();
    this.playbackContext = context;
    this.playbackOut = context.createMediaStreamDestination();
    const stream = this.playbackOut.stream;
    context.resume();
    this.emit_('track', {track: stream.getAudioTracks()[0], stream});
  }

  /** @param {*} data a frame from the server */
  onFrame_(data) {
    const raw = typeof data === 'string' ? data : String(data);
    this.stats.bytesReceived += raw.length;
    const message = parseMessage(raw);
    if (message && message.event === 'media') {
      this.play_(fromBase64(message.media.payload));
    } else if (message && message.event === 'clear') {
      this.clear_();
    } else if (message && message.event === 'pong') {
      if (this.pingSentAt !== null) {
        this.stats.rttMs = performance.now() - this.pingSentAt;
        this.pingSentAt = null;
      }
    } else {
      this.emit_('message', {raw, data: message});
    }
  }

  /** @param {!Uint8Array} codes µ-law at the output rate */
  play_(codes) {
    this.stats.mediaReceived++;
    this.stats.secondsReceived += codes.length / this.outputSampleRate;
    const context = this.playbackContext;
    if (!context || codes.length === 0) return;
    const buffer = context.createBuffer(1, codes.length, this.outputSampleRate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < codes.length; i++) channel[i] = DECODE[codes[i]] / 32768;
    const node = context.createBufferSource();
    node.buffer = buffer;
    node.connect(this.playbackOut);
    const at = Math.max(context.currentTime + this.playbackLead, this.nextPlayTime);
    node.start(at);
    this.nextPlayTime = at + buffer.duration;
    this.playing.add(node);
    node.onended = () => this.playing.delete(node);
  }

  /** Drops every chunk that is scheduled but not played yet. */
  clear_() {
    const context = this.playbackContext;
    const dropped = context ? Math.max(0, this.nextPlayTime - context.currentTime) : 0;
    this.playing.forEach((node) => node.stop());
    this.playing.clear();
    this.nextPlayTime = 0;
    this.stats.clears++;
    this.emit_('clear', {droppedSeconds: dropped});
  }

  /**
   * Sends one JSON frame, counting its bytes.
   * @param {!Object} frame
   */
  sendJson_(frame) {
    const text = JSON.stringify(frame);
    this.socket.send(text);
    this.stats.bytesSent += text.length;
  }

  /** Sends `ping` (FastRTC answers `pong`) to measure the round trip. */
  ping_() {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.pingSentAt !== null) return;  // the last one is unanswered yet
    this.pingSentAt = performance.now();
    this.sendJson_({event: 'ping'});
  }

  release_() {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.pingSentAt = null;
    if (this.localStream) {
      this.localStream.getTracks().forEach((track) => track.stop());
      this.localStream = null;
    }
    for (const context of [this.captureContext, this.playbackContext]) {
      if (context) context.close();
    }
    this.captureContext = null;
    this.playbackContext = null;
    this.playing.clear();
  }
}
