/**
 * @fileoverview One stream's page (`stream.html?name=<stream>`), generated
 * from the stream's metadata (GET api/streams): microphone and camera
 * pickers, a transport choice (WebRTC, or for audio streams FastRTC's
 * WebSocket), start and stop, the connection state with a hint when
 * connecting takes long, local and remote media with level meters, live
 * connection statistics, controls for the declared inputs, the outputs, the
 * data-channel messages and errors. Exposes `window.fastrtcPage` for browser
 * tests.
 */

import {describeFailure, fetchRtcConfiguration, fetchStreams, FastRtcClient, kindsOf} from './fastrtc-client.js';
import {currentValues, describeInputErrors, OutputsView, renderInputs} from './inputs-outputs.js';
import {LevelMeter} from './level-meter.js';
import {figuresBetween, Sparkline, totalsOfReport, totalsOfSocket} from './stats.js';
import {WebSocketAudioClient} from './websocket-client.js';

const $ = (id) => document.getElementById(id);
const ui = {
  title: $('title'),
  info: $('stream-info'),
  form: $('controls'),
  microphoneField: $('microphone-field'),
  microphone: $('microphone'),
  processingField: $('processing-field'),
  processing: $('voice-processing'),
  cameraField: $('camera-field'),
  camera: $('camera'),
  transport: $('transport'),
  start: $('start'),
  stop: $('stop'),
  state: $('state'),
  hint: $('hint'),
  error: $('error'),
  log: $('log'),
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

/** How long "connecting" may last before the page suggests causes. */
const SLOW_CONNECT_MS = 5000;

/** Seconds of statistics the plots show. */
const STATS_HISTORY = 60;

const HINT_SLOW = 'Taking a while to connect. Behind a VPN, a firewall or ' +
    'NAT, WebRTC needs a TURN server: ask your administrator to configure ' +
    'one (README, "ICE and TURN").';
const HINT_SLOW_AUDIO = ' Or try the WebSocket transport.';

/** Test hooks; kept small on purpose. */
const page = {
  state: 'idle',
  /** @type {?Object} this page's stream, from api/streams */
  stream: null,
  /** @type {!Array<string>} raw data-channel messages, as received */
  messages: [],
  /** @type {!Array<string>} */
  errors: [],
  /** @type {!Array<string>} hints shown (e.g. connecting takes long) */
  hints: [],
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
  /** @type {?RTCConfiguration} what the current connection uses */
  rtcConfiguration: null,
  /**
   * Tests may set this to use another RTCConfiguration than the server's.
   * @type {?RTCConfiguration}
   */
  rtcConfigurationOverride: null,
  /** @type {!Array<!Object>} one figures object per second, latest last */
  stats: [],
  /** @return {{local: ?number, remote: ?number}} meter levels, dBFS */
  levels: () => ({local: meters.local.db, remote: meters.remote.db}),
  setInput,
  dominantFrequency,
  inboundAudioStats,
  inboundVideoStats,
  videoSample,
  socketStats,
};
window.fastrtcPage = page;

const meters = {
  local: new LevelMeter($('local-level'), $('local-level-text')),
  remote: new LevelMeter($('remote-level'), $('remote-level-text')),
};

const plots = {
  rtt: new Sparkline($('rtt-plot'), $('rtt-value'),
      {unit: 'ms', minScale: 10, colors: ['#0b57d0']}),
  jitter: new Sparkline($('jitter-plot'), $('jitter-value'),
      {unit: 'ms', digits: 1, minScale: 5, colors: ['#0b57d0']}),
  loss: new Sparkline($('loss-plot'), $('loss-value'),
      {unit: '%', digits: 1, minScale: 1, colors: ['#a4161a']}),
  bitrate: new Sparkline($('bitrate-plot'), $('bitrate-value'),
      {unit: 'kbit/s', minScale: 50, colors: ['#0b57d0', '#1e6b2e']}),
};

/** @type {?FastRtcClient|?WebSocketAudioClient} */
let client = null;
/** @type {?MediaStream} */
let remoteStream = null;
/** @type {?AudioContext} for the meters and the frequency analysis */
let audio = null;
/** @type {?AnalyserNode} */
let analyser = null;
/** @type {?OutputsView} */
let outputsView = null;
/** @type {!Promise<*>} the answer to the latest input change */
let pendingInput = Promise.resolve(null);
/** @type {?number} */
let slowTimer = null;
/** @type {?number} */
let statsTimer = null;
/** @type {?Object} the previous stats totals */
let lastTotals = null;

/** Loads the stream's metadata and builds the page for it. */
async function load() {
  const name = new URLSearchParams(location.search).get('name');
  try {
    page.streams = await fetchStreams();
  } catch (e) {
    showError(`Could not load the stream list: ${e.message}`);
    return;
  }
  const stream = name === null ?
      page.streams.find((s) => s.isDefault) || page.streams[0] :
      page.streams.find((s) => s.name === name);
  if (!stream) {
    ui.title.textContent = name === null ? 'No streams' : `Unknown stream “${name}”`;
    showError(name === null ? 'This application deploys no streams.' :
        `There is no stream named “${name}”. Go back to all streams.`);
    return;
  }
  page.stream = stream;
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
  const outputs = stream.outputs || [];
  ui.inputsPanel.hidden = inputs.length === 0;
  renderInputs(ui.inputs, inputs, (inputName, value) => {
    pendingInput = client ? sendInputs({[inputName]: value}) : Promise.resolve(null);
  });
  ui.outputsPanel.hidden = outputs.length === 0;
  outputsView = new OutputsView(ui.outputs, outputs);
  ui.start.disabled = false;
  drawStats();
  await refreshDevices();
}

/**
 * Shows the pickers, video boxes, meters and audio player the stream needs.
 * @param {!Object} stream
 */
function showPanels(stream) {
  const kinds = kindsOf(stream.modality);
  const sends = stream.mode !== 'receive';
  const receives = stream.mode !== 'send';
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

/** Fills the device pickers (names appear once media access is granted). */
async function refreshDevices() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return;
  const devices = await navigator.mediaDevices.enumerateDevices();
  const fill = (select, kind, fallback) => {
    const chosen = select.value;
    const options = devices.filter((d) => d.kind === kind && d.deviceId &&
        d.deviceId !== 'default');
    select.replaceChildren(new Option(fallback, ''),
        ...options.map((d, i) => new Option(d.label || `${fallback} ${i + 1}`, d.deviceId)));
    select.value = options.some((d) => d.deviceId === chosen) ? chosen : '';
  };
  fill(ui.microphone, 'audioinput', 'Default microphone');
  fill(ui.camera, 'videoinput', 'Default camera');
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

/**
 * @param {!Array<string>} kinds the stream's track kinds
 * @return {!MediaStreamConstraints} the chosen devices
 */
function mediaConstraints(kinds) {
  const device = (select) => select.value ? {deviceId: {exact: select.value}} : {};
  // Voice processing suits speech; off, music and test tones arrive unchanged.
  const voice = ui.processing.checked;
  const audio = {
    ...device(ui.microphone),
    echoCancellation: voice,
    noiseSuppression: voice,
    autoGainControl: voice,
  };
  return {
    audio: kinds.includes('audio') ? audio : false,
    video: kinds.includes('video') ? (ui.camera.value ? device(ui.camera) : true) : false,
  };
}

/**
 * Sends inputs of the current connection (FastRTC's POST /input_hook).
 * @param {!Object<string, *>} values
 * @return {!Promise<?{ok: boolean, status: number, body: *}>}
 */
async function sendInputs(values) {
  if (!client) return null;
  const answer = await client.sendInputs(values);
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

/** Starts the stream. */
async function start() {
  const stream = page.stream;
  if (!stream || client) return;
  showError('');
  page.messages.length = 0;
  page.errors.length = 0;
  page.remoteKinds.length = 0;
  page.outputs.length = 0;
  page.stats.length = 0;
  page.lastInputAnswer = null;
  page.clears = 0;
  lastTotals = null;
  ui.log.replaceChildren();
  ui.inputsStatus.textContent = '';
  outputsView = new OutputsView(ui.outputs, stream.outputs || []);
  setBusy(true);
  setState('connecting');
  audio = new AudioContext();
  // Paths are relative to the app root, which is where this page lives.
  const base = new URL(String(stream.basePath).replace(/^\//, ''), document.baseURI);
  page.transport = selectedTransport();
  const mine = page.transport === 'websocket' ?
      new WebSocketAudioClient(base, {
        inputSampleRate: stream.inputSampleRate,
        outputSampleRate: stream.outputSampleRate,
      }) :
      new FastRtcClient(base);
  client = mine;
  mine.addEventListener('statechange', (e) => setState(e.detail.state));
  mine.addEventListener('message', (e) => onMessage(e.detail));
  mine.addEventListener('track', (e) => onTrack(e.detail.track, e.detail.stream));
  mine.addEventListener('clear', (e) => onClear(e.detail));
  mine.addEventListener('outputsopen', () => {
    page.outputsOpen = true;
  });
  mine.addEventListener('outputsclose', () => {
    page.outputsOpen = false;
  });
  mine.addEventListener('output', (e) => {
    page.outputs.push(e.detail);
    if (outputsView) outputsView.show(e.detail.values);
  });
  mine.addEventListener('channelopen', () => {
    if ((stream.outputs || []).length) mine.subscribeOutputs();
    // The server starts from the defaults: send what the controls show now.
    if ((stream.inputs || []).length) {
      pendingInput = sendInputs(currentValues(ui.inputs, stream.inputs));
    }
  });
  slowTimer = setTimeout(() => {
    if (client !== mine || page.state === 'connected') return;
    const hint = HINT_SLOW + (stream.modality === 'audio' ? HINT_SLOW_AUDIO : '');
    ui.hint.textContent = hint;
    page.hints.push(hint);
  }, SLOW_CONNECT_MS);
  try {
    if (mine instanceof FastRtcClient) {
      mine.rtcConfiguration = page.rtcConfigurationOverride ||
          await fetchRtcConfiguration();
      page.rtcConfiguration = mine.rtcConfiguration;
    }
    const kinds = kindsOf(stream.modality);
    const local = stream.mode === 'receive' ?
        null :
        await navigator.mediaDevices.getUserMedia(mediaConstraints(kinds));
    if (client !== mine) {  // stopped while asking for the devices
      if (local) local.getTracks().forEach((track) => track.stop());
      return;
    }
    if (local) {
      ui.localVideo.srcObject = kinds.includes('video') ? local : null;
      if (kinds.includes('audio')) meters.local.attach(audio, local);
      refreshDevices();  // labels are readable now
    }
    statsTimer = setInterval(sampleStats, 1000);
    await mine.connect({mode: stream.mode, stream: local, modality: stream.modality});
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
  clearTimeout(slowTimer);
  clearInterval(statsTimer);
  slowTimer = null;
  statsTimer = null;
  ui.hint.textContent = '';
  page.outputsOpen = false;
  remoteStream = null;
  ui.audio.srcObject = null;
  ui.localVideo.srcObject = null;
  ui.remoteVideo.srcObject = null;
  meters.local.detach();
  meters.remote.detach();
  if (audio) audio.close();
  audio = null;
  analyser = null;
  if (page.state === 'connecting') setState('closed');
  setBusy(false);
}

/** @param {boolean} busy whether a connection is starting or running */
function setBusy(busy) {
  const [from, to] = busy ? [ui.start, ui.stop] : [ui.stop, ui.start];
  const moveFocus = document.activeElement === from;
  ui.start.disabled = busy || !page.stream;
  ui.transport.disabled = busy;
  ui.microphone.disabled = busy;
  ui.processing.disabled = busy;
  ui.camera.disabled = busy;
  ui.stop.disabled = !busy;
  if (moveFocus) to.focus();  // a disabled button would drop the focus
}

/** @param {string} state */
function setState(state) {
  page.state = state;
  ui.state.textContent = state;
  ui.state.dataset.state = state;
  if (state !== 'connecting' && state !== 'new') ui.hint.textContent = '';
  if (state === 'failed' && client) {
    showError('The connection failed.');
    stop();
  }
}

/** Reads the connection's counters and adds one second to the plots. */
async function sampleStats() {
  const current = client;
  if (!current) return;
  let totals = null;
  if (current instanceof WebSocketAudioClient) {
    totals = totalsOfSocket(current.stats, performance.now());
  } else {
    const report = await current.getStats();
    if (report) totals = totalsOfReport(report, performance.now());
  }
  if (!totals || client !== current) return;
  if (lastTotals) {
    page.stats.push(figuresBetween(lastTotals, totals));
    if (page.stats.length > STATS_HISTORY) page.stats.shift();
    drawStats();
  }
  lastTotals = totals;
}

/** Redraws the plots from page.stats. */
function drawStats() {
  const series = (key) => page.stats.map((f) => f[key]);
  plots.rtt.draw([series('rttMs')]);
  plots.jitter.draw([series('jitterMs')]);
  plots.loss.draw([series('lossPercent')]);
  plots.bitrate.draw([series('inKbps'), series('outKbps')], ['in', 'out']);
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
    if (audio) meters.remote.attach(audio, stream);
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
  if (!remoteStream || !audio) throw new Error('no remote audio');
  if (!analyser) {
    analyser = audio.createAnalyser();
    analyser.fftSize = 16384;
    audio.createMediaStreamSource(remoteStream).connect(analyser);
  }
  await audio.resume();
  const fillMs = 1000 * analyser.fftSize / audio.sampleRate;
  await new Promise((resolve) => setTimeout(resolve, fillMs + 200));
  if (!analyser) throw new Error('stopped while measuring');
  const db = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(db);
  const binHz = audio.sampleRate / analyser.fftSize;
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
  const report = client instanceof FastRtcClient ? await client.getStats() : null;
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
window.addEventListener('pagehide', () => stop());
if (navigator.mediaDevices) {
  navigator.mediaDevices.addEventListener('devicechange', () => refreshDevices());
}
load();
