/**
 * @fileoverview The stream page's turn panel: the turn-taking events of a
 * voice agent (ReplyOnPause) as they arrive, and whose turn it is.
 */

/** What each turn event means, in the order a turn usually goes. */
const MEANINGS = {
  started_talking: {state: 'user', text: 'You are talking'},
  pause_detected: {state: 'pause', text: 'Pause detected: the agent replies'},
  response_starting: {state: 'agent', text: 'The agent is replying'},
  interrupted: {state: 'user', text: 'You interrupted the agent'},
  playback_ended: {state: 'idle', text: 'The reply has played: your turn'},
};

/**
 * The turn event a message carries, if any.
 * @param {*} data the parsed message
 * @return {?string} the event name, e.g. 'pause_detected', or null
 */
export function turnEventOf(data) {
  if (!data || typeof data !== 'object' || data.type !== 'log') return null;
  return Object.hasOwn(MEANINGS, data.data) ? data.data : null;
}

/**
 * What an event means for the panel.
 * @param {string} event a turn event name
 * @return {{state: string, text: string}}
 */
export function meaningOf(event) {
  return MEANINGS[event];
}

/**
 * One line of the event list: the event and the time since the previous one.
 * @param {string} event
 * @param {?number} sincePreviousMs null for the first event
 * @return {string}
 */
export function turnLine(event, sincePreviousMs) {
  return sincePreviousMs === null ? event : `${event} (+${Math.round(sincePreviousMs)} ms)`;
}

/** The panel: hidden until the first turn event, then the state and a list. */
export class TurnPanel {
  /**
   * @param {!HTMLElement} section shown at the first event
   * @param {!HTMLElement} state the current state's text
   * @param {!HTMLOListElement} list the events
   */
  constructor(section, state, list) {
    this.section = section;
    this.state = state;
    this.list = list;
    /** @type {?number} */
    this.last = null;
  }

  /**
   * Records one event.
   * @param {string} event a turn event name
   * @param {number} nowMs the page's clock, e.g. performance.now()
   */
  record(event, nowMs) {
    const meaning = meaningOf(event);
    this.section.hidden = false;
    this.state.textContent = meaning.text;
    this.state.dataset.state = meaning.state;
    const item = document.createElement('li');
    item.textContent = turnLine(event, this.last === null ? null : nowMs - this.last);
    item.dataset.event = event;
    this.list.append(item);
    item.scrollIntoView({block: 'nearest'});
    this.last = nowMs;
  }

  /** Empties the panel for a new connection. */
  clear() {
    this.list.replaceChildren();
    this.state.textContent = '';
    this.last = null;
  }
}
