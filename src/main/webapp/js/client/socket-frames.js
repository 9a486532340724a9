/**
 * @fileoverview The WebSocket transport's frames (FastRTC's protocol plus
 * `clear` and `pong`), read and written. Pure.
 */

import {fromBase64, toBase64} from './mulaw.js';
import {parseMessage} from './messages.js';

/**
 * Reads one frame from the server.
 * @param {string} raw the text frame
 * @return {{kind: string, codes: (!Uint8Array|undefined),
 *     raw: (string|undefined), data: *}} kind 'media' (with the µ-law
 *     `codes`), 'clear', 'pong', or 'message' (with `raw` and the parsed
 *     `data`, for any other frame)
 */
export function readFrame(raw) {
  const message = parseMessage(raw);
  if (message && message.event === 'media') {
    return {kind: 'media', codes: fromBase64(message.media.payload)};
  }
  if (message && message.event === 'clear') return {kind: 'clear'};
  if (message && message.event === 'pong') return {kind: 'pong'};
  return {kind: 'message', raw, data: message};
}

/**
 * @param {string} websocketId
 * @return {!Object} the `start` frame
 */
export function startFrame(websocketId) {
  return {event: 'start', websocket_id: websocketId};
}

/**
 * @param {!Uint8Array} codes µ-law at the stream's input rate
 * @return {!Object} the `media` frame
 */
export function mediaFrame(codes) {
  return {event: 'media', media: {payload: toBase64(codes)}};
}

/** The `ping` frame (FastRTC answers `pong`). */
export const PING = Object.freeze({event: 'ping'});

/** The `stop` frame. */
export const STOP = Object.freeze({event: 'stop'});

/**
 * @param {number} code the WebSocket close code
 * @return {string} the client's state after the server closed: 'closed' for
 *     a normal close, 'failed' otherwise
 */
export function stateAfterClose(code) {
  return code === 1000 || code === 1005 ? 'closed' : 'failed';
}
