/**
 * @fileoverview One WebSocket connection to one FastRTC audio stream; the
 * protocol and the events are described in websocket-client.js.
 */

import {SocketCapture, SocketPlayback} from './socket-audio.js';
import {mediaFrame, PING, readFrame, startFrame, stateAfterClose, STOP} from './socket-frames.js';
import {StreamClient} from './stream-client.js';

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
    /** @type {?SocketCapture} */
    this.capture = null;
    /** @type {?SocketPlayback} */
    this.playback = null;
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
      this.setState_(stateAfterClose(code));
      if (reason) this.closeReason = `${code} ${reason}`;
    });
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, {once: true});
      socket.addEventListener('error',
          () => reject(new Error(`WebSocket ${this.url} failed to open`)),
          {once: true});
    });
    if (this.socket !== socket) throw new Error('closed while connecting');
    this.sendJson_(startFrame(this.websocketId));
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
        socket.send(JSON.stringify(STOP));
      }
      socket.close(1000, 'stop');
    }
    this.release_();
    if (this.state !== 'failed') this.setState_('closed');
  }

  /** @param {!MediaStream} stream */
  async startCapture_(stream) {
    const capture = new SocketCapture(this.inputSampleRate, (codes) => {
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        this.sendJson_(mediaFrame(codes));
        this.stats.mediaSent++;
      }
    });
    this.capture = capture;
    await capture.start(stream);
  }

  startPlayback_() {
    this.playback = new SocketPlayback(this.outputSampleRate, this.playbackLead);
    const stream = this.playback.stream;
    this.emit_('track', {track: stream.getAudioTracks()[0], stream});
  }

  /** @param {*} data a frame from the server */
  onFrame_(data) {
    const raw = typeof data === 'string' ? data : String(data);
    this.stats.bytesReceived += raw.length;
    const frame = readFrame(raw);
    if (frame.kind === 'media') {
      this.stats.mediaReceived++;
      this.stats.secondsReceived += frame.codes.length / this.outputSampleRate;
      if (this.playback) this.playback.play(frame.codes);
    } else if (frame.kind === 'clear') {
      const dropped = this.playback ? this.playback.clear() : 0;
      this.stats.clears++;
      this.emit_('clear', {droppedSeconds: dropped});
    } else if (frame.kind === 'pong') {
      if (this.pingSentAt !== null) {
        this.stats.rttMs = performance.now() - this.pingSentAt;
        this.pingSentAt = null;
      }
    } else {
      this.emit_('message', {raw: frame.raw, data: frame.data});
    }
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
    this.sendJson_(PING);
  }

  release_() {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.pingSentAt = null;
    if (this.localStream) {
      this.localStream.getTracks().forEach((track) => track.stop());
      this.localStream = null;
    }
    if (this.capture) this.capture.close();
    if (this.playback) this.playback.close();
    this.capture = null;
    this.playback = null;
  }
}
