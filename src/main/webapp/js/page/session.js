/**
 * @fileoverview One connection of the stream page: starts the chosen
 * transport's client (WebRTC or WebSocket) with the local media, and stops it
 * with everything it holds. The page follows it through events.
 *
 * Events (CustomEvent, payload in `detail`): the client's `statechange`,
 * `message`, `track`, `clear`, `output`, `outputsopen` and `outputsclose`,
 * forwarded; and its own:
 *   starting     {}              a connection is being started
 *   local        {stream}        the local media (null when receiving only),
 *                                just before the client connects
 *   channelopen  {}              inputs may be sent (outputs are subscribed)
 *   slow         {}              connecting takes longer than SLOW_CONNECT_MS
 *   failure      {message}       starting failed; the session stops next
 *   stopped      {}              the connection was stopped
 */

import {appRoot, fetchRtcConfiguration, FastRtcClient, kindsOf} from '../fastrtc-client.js';
import {WebSocketAudioClient} from '../websocket-client.js';

/** How long "connecting" may last before the page suggests causes. */
export const SLOW_CONNECT_MS = 5000;

/** The client events the session forwards as they are. */
const FORWARDED = ['statechange', 'message', 'track', 'clear', 'output',
  'outputsopen', 'outputsclose'];

/** The stream page's one connection at a time. */
export class StreamSession extends EventTarget {
  constructor() {
    super();
    /** @type {?FastRtcClient|?WebSocketAudioClient} the current client */
    this.client = null;
    /** @type {string} 'webrtc' or 'websocket', of the latest connection */
    this.transport = 'webrtc';
    /** @type {?AudioContext} for the meters, while connected */
    this.audio = null;
    /** @type {?RTCConfiguration} what the latest WebRTC connection used */
    this.rtcConfiguration = null;
    /**
     * An RTCConfiguration to use instead of the server's, for tooling and
     * tests (null: fetch the server's at every start).
     * @type {?RTCConfiguration}
     */
    this.rtcConfigurationOverride = null;
    /** @type {?number} */
    this.slowTimer = null;
  }

  /**
   * Starts a connection unless one runs. Failures arrive as `failure`.
   * @param {!Object} stream the stream's metadata, from api/streams
   * @param {{transport: string,
   *     constraints: function(!Array<string>): !MediaStreamConstraints}}
   *     options the transport ('webrtc' or 'websocket') and the media wanted
   */
  async start(stream, {transport, constraints}) {
    if (this.client) return;
    this.emit_('starting', {});
    this.audio = new AudioContext();
    // Paths are relative to the app root (the page's folder, or its meta tag).
    const base = new URL(String(stream.basePath).replace(/^\//, ''), appRoot());
    this.transport = transport;
    const mine = transport === 'websocket' ?
        new WebSocketAudioClient(base, {
          inputSampleRate: stream.inputSampleRate,
          outputSampleRate: stream.outputSampleRate,
        }) :
        new FastRtcClient(base);
    this.client = mine;
    FORWARDED.forEach((type) =>
      mine.addEventListener(type, (e) => this.emit_(type, e.detail)));
    mine.addEventListener('channelopen', () => {
      if ((stream.outputs || []).length) mine.subscribeOutputs();
      this.emit_('channelopen', {});
    });
    this.slowTimer = setTimeout(() => {
      if (this.client === mine && mine.state !== 'connected') this.emit_('slow', {});
    }, SLOW_CONNECT_MS);
    try {
      if (mine instanceof FastRtcClient) {
        mine.rtcConfiguration = this.rtcConfigurationOverride ||
            await fetchRtcConfiguration();
        this.rtcConfiguration = mine.rtcConfiguration;
      }
      const kinds = kindsOf(stream.modality);
      const local = stream.mode === 'receive' ?
          null :
          await navigator.mediaDevices.getUserMedia(constraints(kinds));
      if (this.client !== mine) {  // stopped while asking for the devices
        if (local) local.getTracks().forEach((track) => track.stop());
        return;
      }
      this.emit_('local', {stream: local});
      await mine.connect({mode: stream.mode, stream: local, modality: stream.modality});
    } catch (e) {
      if (this.client !== mine) return;
      this.emit_('failure', {message: e.message || String(e)});
      this.stop();
    }
  }

  /** Stops the current connection, if any; `stopped` follows. */
  stop() {
    const current = this.client;
    this.client = null;
    if (current) current.close();
    clearTimeout(this.slowTimer);
    this.slowTimer = null;
    this.emit_('stopped', {});
    if (this.audio) this.audio.close();
    this.audio = null;
  }

  /**
   * @param {string} type
   * @param {!Object} detail
   */
  emit_(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}
