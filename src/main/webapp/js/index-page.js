/**
 * @fileoverview The index page: lists the deployed streams from
 * `GET api/streams`, each linking to its own page (`stream.html?name=`), and
 * says so plainly when WebRTC is unavailable on the server
 * (`GET api/status`). Publishes the handle described in page/seam.js.
 */

import {appRoot, fetchStreams} from './fastrtc-client.js';
import {showAccount} from './page/account.js';
import {publish} from './page/seam.js';

const list = document.getElementById('streams');
const error = document.getElementById('error');

const events = new EventTarget();

/**
 * @param {string} type
 * @param {!Object} detail
 */
function fire(type, detail) {
  events.dispatchEvent(new CustomEvent(type, {detail}));
}

/**
 * @param {string} text
 * @return {!HTMLElement} a small label
 */
function badge(text) {
  const span = document.createElement('span');
  span.className = 'badge';
  span.textContent = text;
  return span;
}

/**
 * @param {!Object} stream one entry of api/streams
 * @return {!HTMLLIElement}
 */
function entry(stream) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `stream.html?name=${encodeURIComponent(stream.name)}`;
  link.textContent = stream.name;
  link.dataset.stream = stream.name;
  const heading = document.createElement('h3');
  heading.append(link);
  const description = document.createElement('p');
  description.textContent = stream.description || '';
  const badges = document.createElement('p');
  badges.className = 'badges';
  badges.append(badge(stream.modality), badge(stream.mode),
      badge(`limit ${stream.concurrencyLimit}`),
      badge(`${stream.activeConnections} connected`));
  if ((stream.inputs || []).length) badges.append(badge(`${stream.inputs.length} inputs`));
  if ((stream.outputs || []).length) badges.append(badge(`${stream.outputs.length} outputs`));
  if (stream.isDefault) badges.append(badge('default'));
  item.append(heading, description, badges);
  return item;
}

/** @param {string} text */
function showError(text) {
  error.textContent = text;
  fire('error', {text, kind: 'error'});
}

async function load() {
  try {
    const streams = await fetchStreams();
    fire('load', {streams});
    list.replaceChildren(...streams.map(entry));
    if (streams.length === 0) showError('This application deploys no streams.');
  } catch (e) {
    list.replaceChildren();
    showError(`Could not load the stream list: ${e.message}`);
  } finally {
    list.removeAttribute('aria-busy');
    fire('loaded', {});
  }
  try {
    const status = await (await fetch(new URL('api/status', appRoot()))).json();
    if (status.webrtc && status.webrtc !== 'available') {
      showError(`WebRTC is unavailable on the server: ${status.webrtc}. ` +
          'WebSocket streams still work.');
    }
  } catch (e) {
    // The status is a courtesy; the list above is what matters.
  }
}

publish({page: 'index', events});
load();
showAccount(document, appRoot());
