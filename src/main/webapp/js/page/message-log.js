/**
 * @fileoverview The stream page's message log (data-channel and WebSocket
 * messages, one line each) and what a message means for the page.
 */

import {describeFailure} from '../client/messages.js';

/**
 * What the page does about one message from the server.
 * @param {*} data the parsed message
 * @return {{log: boolean, action: ?string, text: (string|undefined),
 *     kind: (string|undefined)}} `log` whether it goes to the log; `action`
 *     null, 'show' (show `text` as `kind` 'error' or 'warning') or 'stop'
 *     (stop the connection, after showing `text` if any)
 */
export function reactionTo(data) {
  // One per output: the outputs panel shows those, the log would only fill up.
  if (data && data.type === 'fetch_output') return {log: false, action: null};
  if (!data || typeof data !== 'object') return {log: true, action: null};
  if (data.status === 'failed') {  // a WebSocket start was refused
    return {log: true, action: 'stop', text: describeFailure(data.meta), kind: 'error'};
  }
  if (data.type === 'error' || data.type === 'warning') {
    return {log: true, action: 'show', text: `${data.type}: ${data.message}`, kind: data.type};
  }
  if (data.type === 'end_stream') {
    return {log: true, action: 'stop', kind: 'warning',
      text: `stream ended: ${data.data || 'closed by the server'}`};
  }
  if (data.type === 'update_connection' && data.data === 'closed') {
    return {log: true, action: 'stop'};
  }
  return {log: true, action: null};
}

/**
 * A line for the log when the server flushed the handler's audio.
 * @param {number} droppedSeconds queued audio the client dropped
 * @return {string}
 */
export function clearLine(droppedSeconds) {
  return `{"event":"clear"} (dropped ${droppedSeconds.toFixed(2)} s of queued audio)`;
}

/** The log itself: an ordered list, scrolled to its latest line. */
export class MessageLog {
  /** @param {!HTMLOListElement} list */
  constructor(list) {
    this.list = list;
  }

  /** @param {string} text one line */
  append(text) {
    const item = document.createElement('li');
    item.textContent = text;
    this.list.append(item);
    item.scrollIntoView({block: 'nearest'});
  }

  /** Empties the log. */
  clear() {
    this.list.replaceChildren();
  }
}
