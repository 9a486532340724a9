/**
 * @fileoverview One stream's page (`stream.html?name=<stream>`), generated
 * from the stream's metadata (GET api/streams): microphone and camera
 * pickers, a transport choice (WebRTC, or for audio streams FastRTC's
 * WebSocket), start and stop, the connection state with a hint when
 * connecting takes long, local and remote media with level meters, live
 * connection statistics, controls for the declared inputs, the outputs, the
 * data-channel messages and errors.
 *
 * This module wires the page's parts (in `page/`) to its elements; the
 * connection itself is page/session.js. It publishes the handle described in
 * page/seam.js, for tooling and the browser tests.
 */

import {appRoot, fetchStreams, kindsOf} from './fastrtc-client.js';
import {showAccount} from './page/account.js';
import {DevicePickers} from './page/devices.js';
import {currentValues, describeInputErrors, OutputsView, renderInputs} from './page/inputs-outputs.js';
import {LevelMeter} from './page/level-meter.js';
import {clearLine, MessageLog, reactionTo} from './page/message-log.js';
import {publish} from './page/seam.js';
import {StreamSession} from './page/session.js';
import {StatsPanel} from './page/stats-panel.js';
import {TurnPanel, turnEventOf} from './page/turn-events.js';

const $ = (id) => document.getElementById(id);
const ui = {
  title: $('title'),
  info: $('stream-info'),
  form: $('controls'),
  microphoneField: $('microphone-field'),
  processingField: $('processing-field'),
  cameraField: $('camera-field'),
  transport: $('transport'),
  start: $('start'),
  stop: $('stop'),
  state: $('state'),
  hint: $('hint'),
  error: $('error'),
  audio: $('remote-audio'),
  audioPanel: $('audio-panel'),
  videoBoxes: $('video-boxes'),
  localFigure: $('local-figure'),
  localVideo: $('local-video'),
  remoteFigure: $('remote-figure'),
  remoteVideo: $('remote-video'),
  localMeterRow: $('local-meter-row'),
  remoteMeterRow: $('remote-meter-row'),
  inputsPanel: $('inputs-panel'),
  inputs: $('inputs'),
  inputsStatus: $('inputs-status'),
  outputsPanel: $('outputs-panel'),
  outputs: $('outputs'),
};

const HINT_SLOW = 'Taking a while to connect. Behind a VPN, a firewall or ' +
    'NAT, WebRTC needs a TURN server: ask your administrator to configure ' +
    'one (README, "ICE and TURN").';
const HINT_SLOW_AUDIO = ' Or try the WebSocket transport.';

const events = new EventTarget();
const session = new StreamSession();
const devices = new DevicePickers($('microphone'), $('voice-processing'), $('camera'));
const stats = new StatsPanel($);
const log = new MessageLog($('log'));
const turns = new TurnPanel($('turns-panel'), $('turn-state'), $('turns'));
const meters = {
  local: new LevelMeter($('local-level'), $('local-level-text')),
  remote: new LevelMeter($('remote-level'), $('remote-level-text')),
};

/** @type {?Object} this page's stream, from api/streams */
let stream = null;
/** @type {string} the shown connection state */
let state = 'idle';
/** @type {?OutputsView} */
let outputsView = null;

/**
 * @param {string} type
 * @param {!Object} detail
 */
function fire(type, detail) {
  events.dispatchEvent(new CustomEvent(type, {detail}));
}

/** Loads the stream's metadata and builds the page for it. */
async function load() {
  const name = new URLSearchParams(location.search).get('name');
  let streams;
  try {
    streams = await fetchStreams();
  } catch (e) {
    showError(`Could not load the stream list: ${e.message}`);
    return;
  }
  const found = name === null ?
      streams.find((s) => s.isDefault) || streams[0] :
      streams.find((s) => s.name === name);
  fire('load', {streams, stream: found || null});
  if (!found) {
    ui.title.textContent = name === null ? 'No streams' : `Unknown stream “${name}”`;
    showError(name === null ? 'This application deploys no streams.' :
        `There is no stream named “${name}”. Go back to all streams.`);
    return;
  }
  stream = found;
  document.title = `${stream.name} · FastRTC for Jakarta EE`;
  ui.title.textContent = stream.name;
  ui.info.textContent = `${stream.description || stream.name} · ` +
      `${stream.modality}, ${stream.mode}, limit ${stream.concurrencyLimit}` +
      (stream.timeLimitSeconds > 0 ? `, ${stream.timeLimitSeconds} s per connection` : '');
  showPanels(stream);
  // FastRTC's WebSocket transport carries audio only.
  const socketOption = transportOption('websocket');
  socketOption.disabled = stream.modality !== 'audio';
  socketOption.parentElement.title = socketOption.disabled ?
      'The WebSocket transport carries audio only' : '';
  const inputs = stream.inputs || [];
  ui.inputsPanel.hidden = inputs.length === 0;
  renderInputs(ui.inputs, inputs, (inputName, value) => {
    sendInputs({[inputName]: value});
  });
  ui.outputsPanel.hidden = (stream.outputs || []).length === 0;
  outputsView = new OutputsView(ui.outputs, stream.outputs || []);
  ui.start.disabled = false;
  stats.draw();
  await devices.refresh();
}

/**
 * Shows the pickers, video boxes, meters and audio player the stream needs.
 * @param {!Object} shown
 */
function showPanels(shown) {
  const kinds = kindsOf(shown.modality);
  const sends = shown.mode !== 'receive';
  const receives = shown.mode !== 'send';
  ui.microphoneField.hidden = !sends || !kinds.includes('audio');
  ui.processingField.hidden = ui.microphoneField.hidden;
  ui.cameraField.hidden = !sends || !kinds.includes('video');
  ui.videoBoxes.hidden = !kinds.includes('video');
  ui.localFigure.hidden = !sends;
  ui.remoteFigure.hidden = !receives;
  ui.localMeterRow.hidden = !sends || !kinds.includes('audio');
  ui.remoteMeterRow.hidden = !receives || !kinds.includes('audio');
  ui.audioPanel.hidden = !receives || !kinds.includes('audio');
}

/**
 * @param {string} value 'webrtc' or 'websocket'
 * @return {!HTMLInputElement}
 */
function transportOption(value) {
  return /** @type {!HTMLInputElement} */ (
    ui.transport.querySelector(`input[value="${value}"]`));
}

/**
 * Sends inputs of the current connection (FastRTC's POST /input_hook), if
 * any, and shows the answer.
 * @param {!Object<string, *>} values
 */
function sendInputs(values) {
  const client = session.client;
  const answer = client ? client.sendInputs(values).then((a) => {
    fire('inputanswer', {answer: a});
    ui.inputsStatus.textContent = a.ok ? 'Inputs applied.' :
        `Refused: ${describeInputErrors(a.body)}`;
    ui.inputsStatus.dataset.kind = a.ok ? 'ok' : 'error';
    return a;
  }) : Promise.resolve(null);
  fire('input', {answer});
}

session.addEventListener('starting', () => {
  showError('');
  stats.reset();
  log.clear();
  turns.clear();
  ui.inputsStatus.textContent = '';
  outputsView = new OutputsView(ui.outputs, stream.outputs || []);
  setBusy(true);
  setState('connecting');
});
session.addEventListener('local', ({detail: {stream: local}}) => {
  if (local) {
    const kinds = kindsOf(stream.modality);
    ui.localVideo.srcObject = kinds.includes('video') ? local : null;
    if (kinds.includes('audio')) meters.local.attach(session.audio, local);
    devices.refresh();  // labels are readable now
  }
  stats.start(() => session.client);
});
session.addEventListener('channelopen', () => {
  // The server starts from the defaults: send what the controls show now.
  if ((stream.inputs || []).length) sendInputs(currentValues(ui.inputs, stream.inputs));
});
session.addEventListener('slow', () => {
  const hint = HINT_SLOW + (stream.modality === 'audio' ? HINT_SLOW_AUDIO : '');
  ui.hint.textContent = hint;
  fire('hint', {text: hint});
});
session.addEventListener('failure', ({detail}) => showError(detail.message));
session.addEventListener('statechange', ({detail}) => setState(detail.state));
session.addEventListener('message', ({detail}) => onMessage(detail.data, detail.raw));
session.addEventListener('track', ({detail: {track, stream: remote}}) => {
  if (track.kind === 'video') {
    ui.remoteVideo.srcObject = remote;
  } else {
    ui.audio.srcObject = remote;
    if (session.audio) meters.remote.attach(session.audio, remote);
  }
});
session.addEventListener('clear', ({detail}) => log.append(clearLine(detail.droppedSeconds)));
session.addEventListener('output', ({detail}) => {
  if (outputsView) outputsView.show(detail.values);
});
session.addEventListener('stopped', () => {
  stats.stop();
  ui.hint.textContent = '';
  ui.audio.srcObject = null;
  ui.localVideo.srcObject = null;
  ui.remoteVideo.srcObject = null;
  meters.local.detach();
  meters.remote.detach();
  if (state === 'connecting') setState('closed');
  setBusy(false);
});

/** @param {boolean} busy whether a connection is starting or running */
function setBusy(busy) {
  const [from, to] = busy ? [ui.start, ui.stop] : [ui.stop, ui.start];
  const moveFocus = document.activeElement === from;
  ui.start.disabled = busy || !stream;
  ui.transport.disabled = busy;
  devices.setDisabled(busy);
  ui.stop.disabled = !busy;
  if (moveFocus) to.focus();  // a disabled button would drop the focus
}

/** @param {string} next */
function setState(next) {
  state = next;
  ui.state.textContent = next;
  ui.state.dataset.state = next;
  if (next !== 'connecting' && next !== 'new') ui.hint.textContent = '';
  if (next === 'failed' && session.client) {
    showError('The connection failed.');
    session.stop();
  }
}

/**
 * @param {*} data the parsed message
 * @param {string} raw the message as received
 */
function onMessage(data, raw) {
  const turn = turnEventOf(data);
  if (turn) turns.record(turn, performance.now());
  const reaction = reactionTo(data);
  if (reaction.log) log.append(raw);
  if (reaction.text) showError(reaction.text, reaction.kind);
  if (reaction.action === 'stop') session.stop();
}

/**
 * @param {string} text an empty string clears the error line
 * @param {string=} kind 'error' (default) or 'warning'
 */
function showError(text, kind = 'error') {
  ui.error.textContent = text;
  ui.error.dataset.kind = kind;
  if (text) fire('error', {text, kind});
}

ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!stream) return;
  session.start(stream, {
    transport: transportOption('websocket').checked ? 'websocket' : 'webrtc',
    constraints: (kinds) => devices.constraints(kinds),
  });
});
ui.stop.addEventListener('click', () => session.stop());
window.addEventListener('pagehide', () => session.stop());
if (navigator.mediaDevices) {
  navigator.mediaDevices.addEventListener('devicechange', () => devices.refresh());
}
publish({page: 'stream', events, session, stats, meters, inputs: ui.inputs});
load();
showAccount(document, appRoot());
