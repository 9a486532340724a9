/**
 * @fileoverview What every transport's client shares: the stream's URLs, the
 * connection id, the state, additional inputs (`POST <base>/input_hook`) and
 * outputs (`GET <base>/outputs?webrtc_id=`, Server-Sent Events).
 */

import {folderUrl} from './discovery.js';
import {parseMessage, randomId} from './messages.js';

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
    /** @type {!URL} */
    this.base = folderUrl(baseUrl);
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
