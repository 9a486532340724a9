/**
 * @fileoverview The bundled page: pick a stream and a transport (WebRTC, or
 * for audio streams FastRTC's WebSocket), start and stop it, show the
 * connection state, the data-channel messages and errors, play the remote
 * audio and show the camera and the video from the server; set the stream's
 * additional inputs and watch its outputs. Exposes `window.fastrtcPage` for
 * browser tests.
 */

import {FastRtcClient, describeFailure, kindsOf} from './fastrtc-client.js';
import {currentValues, describeInputErrors, OutputsView, postInputs, renderInputs} from './inputs-outputs.js';
import {WebSocketAudioClient} from './websocket-client.js';

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('controls'),
  select: $('stream'),
  info: $('stream-info'),
  start: $('start'),
  stop: $('stop'),
  state: $('state'),
  error: $('error'),
  log: $('log'),
  audio: $('remote-audio'),
  audioPanel: $('audio-panel'),
  videoPanel: $('video-panel'),
  localFigure: $('local-figure'),
  localVideo: $('local-video'),
  remoteFigure: $('remote-figure'),
  remoteVideo: $('remote-video'),
  transport: $('transport'),
  inputsPanel: $('inputs-panel'),
  inputs: $('inputs'),
  inputsStatus: $('inputs-status'),
  outputsPanel: $('outputs-panel'),
  outputs: $('outputs'),
};

/** Test hooks; kept small on purpose. */
const page = {
  state: 'idle',
  /** @type {!Array<string>} raw data-channel messages, as received */
  messages: [],
  /** @type {!Array<string>} */
  errors: [],
  /** @type {!Array<!Object>} what GET api/streams returned */
  streams: [],
  /** @type {!Array<string>} kinds of the remote tracks received */
  remoteKinds: [],
  /** @type {string} 'webrtc' or 'websocket', of the current connection */
  transport: 'webrtc',
  /** @type {number} `clear` events received (WebSocket interruptions) */
  clears: 0,
  /** @type {!Array<{id: ?string, values: !Array<*>}>} outputs received */
  outputs: [],
  /** @type {?{ok: boolean, status: number, body: *}} last input-hook answer */
  lastInputAnswer: null,
  /** @type {boolean} whether the outputs stream is open */
  outputsOpen: false,
  setInput,
  dominantFrequency,
  inboundAudioStats,
  inboundVideoStats,
  videoSample,
  socketStats,
};
window.fastrtcPage = page;

/** @type {?FastRtcClient|?WebSocketAudioClient} */
let client = null;
/** @type {?MediaStream} */
let remoteStream = null;
/** @type {?{context: !AudioContext, analyser: !AnalyserNode}} */
let analysis = null;
/** @type {?EventSource} */
let outputSource = null;
/** @type {?OutputsView} */
let outputsView = null;
/** @type {!Promise<*>} the answer to the latest input change */
let pendingInput = Promise.resolve(null);

/** Loads the stream list into the select. */
async function loadStreams() {
  try {
    const response = await fetch('api/streams', {
      headers: {'Accept': 'application/json'},
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const streams = await response.json();
    if (!Array.isArray(streams)) throw new Error('not a JSON array');
    page.streams = streams;
  } catch (e) {
    ui.select.replaceChildren(new Option('No streams available'));
    showError(`Could not load the stream list: ${e.message}`);
    return;
  }
  ui.select.replaceChildren(...page.streams.map((stream) => {
    const option = new Option(`${stream.name} (${stream.mode})`, stream.name);
    option.selected = Boolean(stream.isDefault);
    return option;
  }));
  ui.select.disabled = page.streams.length === 0;
  ui.start.disabled = page.streams.length === 0;
  if (page.streams.length === 0) showError('The server offers no streams.');
  describeSelected();
}

/** @return {?Object} the selected stream's description */
function selectedStream() {
  return page.streams.find((s) => s.name === ui.select.value) || null;
}

/** Shows the selected stream's description, limits, inputs and outputs. */
function describeSelected() {
  const stream = selectedStream();
  ui.info.textContent = stream ?
      `${stream.description || stream.name} · ${stream.modality}, ` +
          `${stream.mode}, limit ${stream.concurrencyLimit}` :
      '';
  showPanels(stream);
  // FastRTC's WebSocket transport carries audio only.
  const socketOption = transportOption('websocket');
  socketOption.disabled = !stream || stream.modality !== 'audio';
  if (socketOption.disabled && socketOption.checked) {
    transportOption('webrtc').checked = true;
  }
  const inputs = (stream && stream.inputs) || [];
  const outputs = (stream && stream.outputs) || [];
  ui.inputsPanel.hidden = inputs.length === 0;
  ui.inputsStatus.textContent = '';
  renderInputs(ui.inputs, inputs, (name, value) => {
    pendingInput = client ? sendInputs({[name]: value}) : Promise.resolve(null);
  });
  ui.outputsPanel.hidden = outputs.length === 0;
  outputsView = new OutputsView(ui.outputs, outputs);
}

/**
 * @param {string} value 'webrtc' or 'websocket'
 * @return {!HTMLInputElement}
 */
function transportOption(value) {
  return /** @type {!HTMLInputElement} */ (
    ui.transport.querySelector(`input[value="${value}"]`));
}

/** @return {string} the chosen transport */
function selectedTransport() {
  return transportOption('websocket').checked ? 'websocket' : 'webrtc';
}

/** @param {string} path e.g. '/streams/tone/input_hook' @return {!URL} */
function appUrl(path) {
  return new URL(String(path).replace(/^\//, ''), document.baseURI);
}

/**
 * Sends inputs of the current connection (FastRTC's POST /input_hook).
 * @param {!Object<string, *>} values
 * @return {!Promise<?{ok: boolean, status: number, body: *}>}
 */
async function sendInputs(values) {
  const stream = selectedStream();
  if (!client || !stream) return null;
  const answer =
      await postInputs(appUrl(stream.inputHookPath), client.webrtcId, values);
  page.lastInputAnswer = answer;
  ui.inputsStatus.textContent = answer.ok ?
      'Inputs applied.' :
      `Refused: ${describeInputErrors(answer.body)}`;
  ui.inputsStatus.dataset.kind = answer.ok ? 'ok' : 'error';
  return answer;
}

/**
 * Test hook: sets one input through its control, as a user would.
 * @param {string} name
 * @param {*} value
 * @return {!Promise<?{ok: boolean, status: number, body: *}>}
 */
function setInput(name, value) {
  const control = ui.inputs.querySelector(`[data-input="${name}"]`);
  if (!control) return Promise.reject(new Error(`no input ${name}`));
  if (control.type === 'checkbox') {
    control.checked = Boolean(value);
  } else {
    control.value = String(value);
  }
  control.dispatchEvent(new Event(control.type === 'text' ? 'change' : 'input'));
  return pendingInput;
}

/** Opens the outputs stream of the current connection. */
function openOutputs() {
  const stream = selectedStream();
  if (!client || !stream || outputSource) return;
  const url = appUrl(stream.outputsPath);
  url.searchParams.set('webrtc_id', client.webrtcId);
  const source = new EventSource(url);
  outputSource = source;
  source.addEventListener('open', () => {
    page.outputsOpen = true;
  });
  source.addEventListener('output', (e) => {
    const values = JSON.parse(e.data);
    page.outputs.push({id: e.lastEventId || null, values});
    if (outputsView) outputsView.show(values);
  });
  source.addEventListener('error', () => {
    // The server ends the stream when the connection closes; do not retry.
    if (outputSource === source) closeOutputs();
  });
}

function closeOutputs() {
  if (outputSource) outputSource.close();
  outputSource = null;
  page.outputsOpen = false;
}

/**
 * Shows the audio player and the video boxes the stream needs.
 * @param {?Object} stream
 */
function showPanels(stream) {
  const kinds = stream ? kindsOf(stream.modality) : ['audio'];
  const sends = stream && stream.mode !== 'receive';
  const receives = stream && stream.mode !== 'send';
  ui.audioPanel.hidden = !kinds.includes('audio') || !receives;
  ui.videoPanel.hidden = !kinds.includes('video');
  ui.localFigure.hidden = !sends;
  ui.remoteFigure.hidden = !receives;
}

/** Starts the selected stream. */
async function start() {
  const stream = selectedStream();
  if (!stream || client) return;
  showError('');
  page.messages.length = 0;
  page.errors.length = 0;
  page.remoteKinds.length = 0;
  ui.log.replaceChildren();
  setBusy(true);
  // Paths are relative to the app root, which is where this page lives.
  const path = stream.basePath ||
      String(stream.offerPath).replace(/\/webrtc\/offer$/, '');
  const base = new URL(path.replace(/^\//, ''), document.baseURI);
  page.transport = selectedTransport();
  page.clears = 0;
  if (page.transport === 'websocket') {
    client = new WebSocketAudioClient(base, {
      inputSampleRate: stream.inputSampleRate,
      outputSampleRate: stream.outputSampleRate,
    });
    client.addEventListener('clear', (e) => onClear(e.detail));
  } else {
    // An ICE/TURN configuration, if the server lists one for the stream.
    client = new FastRtcClient(base, {rtcConfiguration: stream.rtcConfiguration});
  }
  client.addEventListener('statechange', (e) => setState(e.detail.state));
  client.addEventListener('message', (e) => onMessage(e.detail));
  client.addEventListener(
      'track', (e) => onTrack(e.detail.track, e.detail.stream));
  client.addEventListener('channelopen', () => {
    openOutputs();
    // The server starts from the defaults: send what the controls show now.
    if ((stream.inputs || []).length) {
      sendInputs(currentValues(ui.inputs, stream.inputs));
    }
  });
  page.outputs.length = 0;
  page.lastInputAnswer = null;
  const mine = client;
  try {
    const kinds = kindsOf(stream.modality);
    const local = stream.mode === 'receive' ?
        null :
        await navigator.mediaDevices.getUserMedia({
          audio: kinds.includes('audio'),
          video: kinds.includes('video'),
        });
    if (client !== mine) {  // stopped while asking for the microphone
      if (local) local.getTracks().forEach((track) => track.stop());
      return;
    }
    ui.localVideo.srcObject = kinds.includes('video') ? local : null;
    await mine.connect(
        {mode: stream.mode, stream: local, modality: stream.modality});
  } catch (e) {
    if (client !== mine) return;
    showError(e.message || String(e));
    stop();
  }
}

/** Stops the current connection, if any. */
function stop() {
  const current = client;
  client = null;
  if (current) current.close();
  closeOutputs();
  remoteStream = null;
  ui.audio.srcObject = null;
  ui.localVideo.srcObject = null;
  ui.remoteVideo.srcObject = null;
  if (analysis) analysis.context.close();
  analysis = null;
  setBusy(false);
}

/** @param {boolean} busy whether a connection is starting or running */
function setBusy(busy) {
  const [from, to] = busy ? [ui.start, ui.stop] : [ui.stop, ui.start];
  const moveFocus = document.activeElement === from;
  ui.start.disabled = busy || page.streams.length === 0;
  ui.select.disabled = busy || page.streams.length === 0;
  ui.transport.disabled = busy;
  ui.stop.disabled = !busy;
  if (moveFocus) to.focus();  // a disabled button would drop the focus
}

/** @param {string} state */
function setState(state) {
  page.state = state;
  ui.state.textContent = state;
  ui.state.dataset.state = state;
  if (state === 'failed' && client) {
    showError('The connection failed.');
    stop();
  }
}

/** @param {{raw: string, data: *}} message */
function onMessage({raw, data}) {
  page.messages.push(raw);
  // One per output: the outputs panel shows those, the log would only fill up.
  if (data && data.type === 'fetch_output') return;
  appendLog(raw);
  if (!data || typeof data !== 'object') return;
  if (data.status === 'failed') {  // a WebSocket start was refused
    showError(describeFailure(data.meta));
    stop();
  } else if (data.type === 'error' || data.type === 'warning') {
    showError(`${data.type}: ${data.message}`, data.type);
  } else if (data.type === 'end_stream') {
    showError(`stream ended: ${data.data || 'closed by the server'}`,
        'warning');
    stop();
  } else if (data.type === 'update_connection' && data.data === 'closed') {
    stop();
  }
}

/** @param {string} text one line of the message log */
function appendLog(text) {
  const item = document.createElement('li');
  item.textContent = text;
  ui.log.append(item);
  item.scrollIntoView({block: 'nearest'});
}

/**
 * The server flushed the handler's audio (an interruption); the client has
 * already dropped its queued playback.
 * @param {{droppedSeconds: number}} detail
 */
function onClear({droppedSeconds}) {
  page.clears++;
  appendLog(`{"event":"clear"} (dropped ${droppedSeconds.toFixed(2)} s of ` +
      'queued audio)');
}

/**
 * @param {!MediaStreamTrack} track the remote track
 * @param {!MediaStream} stream its stream
 */
function onTrack(track, stream) {
  page.remoteKinds.push(track.kind);
  remoteStream = stream;
  if (track.kind === 'video') {
    ui.remoteVideo.srcObject = stream;
  } else {
    ui.audio.srcObject = stream;
  }
}

/**
 * @param {string} text an empty string clears the error line
 * @param {string=} kind 'error' (default) or 'warning'
 */
function showError(text, kind = 'error') {
  ui.error.textContent = text;
  ui.error.dataset.kind = kind;
  if (text) page.errors.push(text);
}

/**
 * Measures the remote audio with a WebAudio analyser (created on first use).
 * @return {!Promise<{frequency: number, level: number}>} the peak frequency
 *     in Hz (parabolic interpolation) and the RMS level (0..1)
 */
async function dominantFrequency() {
  if (!remoteStream) throw new Error('no remote audio');
  if (!analysis) {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 16384;
    context.createMediaStreamSource(remoteStream).connect(analyser);
    analysis = {context, analyser};
  }
  const {context, analyser} = analysis;
  await context.resume();
  const fillMs = 1000 * analyser.fftSize / context.sampleRate;
  await new Promise((resolve) => setTimeout(resolve, fillMs + 200));
  const db = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(db);
  const binHz = context.sampleRate / analyser.fftSize;
  let peak = Math.ceil(40 / binHz);  // ignore DC and rumble
  for (let i = peak; i < db.length - 1; i++) {
    if (db[i] > db[peak]) peak = i;
  }
  const [a, b, c] = [db[peak - 1], db[peak], db[peak + 1]];
  const curve = a - 2 * b + c;
  const shift =
      Number.isFinite(curve) && curve !== 0 ? (a - c) / (2 * curve) : 0;
  const samples = new Float32Array(analyser.fftSize);
  analyser.getFloatTimeDomainData(samples);
  const power = samples.reduce((sum, x) => sum + x * x, 0) / samples.length;
  return {frequency: (peak + shift) * binHz, level: Math.sqrt(power)};
}

/**
 * @return {?{mediaSent: number, mediaReceived: number,
 *     secondsReceived: number, clears: number}} WebSocket counters, or null
 *     when no WebSocket connection is running
 */
function socketStats() {
  return client instanceof WebSocketAudioClient ? {...client.stats} : null;
}

/**
 * @return {!Promise<?{packetsReceived: number, bytesReceived: number,
 *     packetsSent: number}>} audio RTP counters, or null when not connected
 */
async function inboundAudioStats() {
  const report = client instanceof FastRtcClient ? await client.getStats() : null;
  if (!report) return null;
  const totals = {packetsReceived: 0, bytesReceived: 0, packetsSent: 0};
  report.forEach((s) => {
    if (s.kind !== 'audio') return;
    if (s.type === 'inbound-rtp') {
      totals.packetsReceived += s.packetsReceived || 0;
      totals.bytesReceived += s.bytesReceived || 0;
    } else if (s.type === 'outbound-rtp') {
      totals.packetsSent += s.packetsSent || 0;
    }
  });
  return totals;
}

/**
 * @return {!Promise<?{packetsReceived: number, framesDecoded: number,
 *     frameWidth: number, frameHeight: number, framesPerSecond: number}>}
 *     inbound video RTP counters, or null when not connected
 */
async function inboundVideoStats() {
  const report = client ? await client.getStats() : null;
  if (!report) return null;
  const totals = {
    packetsReceived: 0,
    framesDecoded: 0,
    frameWidth: 0,
    frameHeight: 0,
    framesPerSecond: 0,
  };
  report.forEach((s) => {
    if (s.kind !== 'video' || s.type !== 'inbound-rtp') return;
    totals.packetsReceived += s.packetsReceived || 0;
    totals.framesDecoded += s.framesDecoded || 0;
    totals.frameWidth = s.frameWidth || totals.frameWidth;
    totals.frameHeight = s.frameHeight || totals.frameHeight;
    totals.framesPerSecond = s.framesPerSecond || totals.framesPerSecond;
  });
  return totals;
}

/**
 * Grabs the current picture of a video element on a canvas and averages its
 * colours over a grid of cells (the middle half of each cell, away from
 * edges where codecs blur).
 * @param {string} which 'remote' (default) or 'local'
 * @param {number=} grid cells per side (default 2: the four quadrants)
 * @return {!Promise<{width: number, height: number,
 *     cells: !Array<!Array<!Array<number>>>}>} cells[row][column] is
 *     [r, g, b], 0..255
 */
async function videoSample(which = 'remote', grid = 2) {
  const video = which === 'local' ? ui.localVideo : ui.remoteVideo;
  if (!video.srcObject || !video.videoWidth) throw new Error('no video yet');
  const width = video.videoWidth;
  const height = video.videoHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  context.drawImage(video, 0, 0, width, height);
  const cells = [];
  for (let row = 0; row < grid; row++) {
    const line = [];
    for (let column = 0; column < grid; column++) {
      const w = Math.max(1, Math.floor(width / grid / 2));
      const h = Math.max(1, Math.floor(height / grid / 2));
      const x = Math.floor((column + 0.25) * width / grid);
      const y = Math.floor((row + 0.25) * height / grid);
      const pixels = context.getImageData(x, y, w, h).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < pixels.length; i += 4) {
        sum[0] += pixels[i];
        sum[1] += pixels[i + 1];
        sum[2] += pixels[i + 2];
      }
      line.push(sum.map((v) => Math.round(v / (pixels.length / 4))));
    }
    cells.push(line);
  }
  return {width, height, cells};
}

ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  start();
});
ui.stop.addEventListener('click', () => stop());
ui.select.addEventListener('change', describeSelected);
window.addEventListener('pagehide', () => stop());
loadStreams();
