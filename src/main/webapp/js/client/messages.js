/**
 * @fileoverview The client's message handling, pure and shared by both
 * transports: FastRTC's failure bodies, data-channel messages, the SDP
 * answer, and the track kinds of a modality. No DOM, no network.
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
  } catch {
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
export function randomId() {
  return Math.random().toString(36).substring(2, 12);
}

/**
 * Reads the answer to an offer: the SDP, or a readable error.
 * @param {*} answer the parsed body of `POST <base>/webrtc/offer`
 * @return {string} the answer's SDP
 * @throws {Error} on a failure body (`{status: 'failed', meta}`) or a body
 *     that is no SDP answer
 */
export function answerSdp(answer) {
  if (answer && answer.status === 'failed') {
    throw new Error(describeFailure(answer.meta));
  }
  if (!answer || answer.type !== 'answer' || !answer.sdp) {
    throw new Error('the server sent no SDP answer');
  }
  return answer.sdp;
}

/**
 * Reads the response to a signalling POST.
 * @param {number} status the HTTP status
 * @param {string} text the response body
 * @return {*} the parsed JSON body
 * @throws {Error} on an HTTP error or a body that is not JSON
 */
export function signallingBody(status, text) {
  if (status < 200 || status > 299) {
    throw new Error(`offer rejected: HTTP ${status} ${text.slice(0, 200)}`.trim());
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`the server sent no JSON (HTTP ${status})`);
  }
}
