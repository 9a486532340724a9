/**
 * @fileoverview The browser tests' probes, loaded only by the tests
 * (HeadlessChromium injects this script into every document before the page's
 * own scripts run). They follow the page through its seam (`fastrtc:debug`,
 * see src/main/webapp/js/page/seam.js) and give the tests what they assert
 * on: `window.fastrtcIndex` on the index page, `window.fastrtcPage` on a
 * stream page (recorded messages, errors, hints, tracks, outputs, statistics,
 * and measurements of the remote audio and video).
 */
(() => {
  /**
   * @param {!EventTarget} target
   * @param {string} type
   * @param {function(*)} listener gets the event's detail
   */
  const on = (target, type, listener) =>
    target.addEventListener(type, (e) => listener(e.detail));

  /** @param {!Object} seam the index page's handle */
  function probeIndex(seam) {
    const index = {loaded: false, streams: [], errors: []};
    window.fastrtcIndex = index;
    on(seam.events, 'load', ({streams}) => {
      index.streams = streams;
    });
    on(seam.events, 'error', ({text}) => index.errors.push(text));
    on(seam.events, 'loaded', () => {
      index.loaded = true;
    });
  }

  /** @param {!Object} seam the stream page's handle */
  function probeStream(seam) {
    const session = seam.session;
    /** @type {?MediaStream} */
    let remoteStream = null;
    /** @type {?AnalyserNode} */
    let analyser = null;
    /** @type {!Promise<*>} the answer to the latest input change */
    let pendingInput = Promise.resolve(null);
    const page = {
      /** @return {string} the shown connection state */
      get state() {
        return document.getElementById('state').dataset.state;
      },
      /** @type {?Object} this page's stream, from api/streams */
      stream: null,
      /** @type {!Array<!Object>} what GET api/streams returned */
      streams: [],
      /** @type {!Array<string>} raw data-channel messages, as received */
      messages: [],
      /** @type {!Array<string>} */
      errors: [],
      /** @type {!Array<string>} hints shown (e.g. connecting takes long) */
      hints: [],
      /** @type {!Array<string>} kinds of the remote tracks received */
      remoteKinds: [],
      /** @return {string} 'webrtc' or 'websocket', of the connection */
      get transport() {
        return session.transport;
      },
      /** @type {number} `clear` events received (WebSocket interruptions) */
      clears: 0,
      /** @type {!Array<{id: ?string, values: !Array<*>}>} outputs received */
      outputs: [],
      /** @type {?{ok: boolean, status: number, body: *}} */
      lastInputAnswer: null,
      /** @type {boolean} whether the outputs stream is open */
      outputsOpen: false,
      /** @return {?RTCConfiguration} what the connection uses */
      get rtcConfiguration() {
        return session.rtcConfiguration;
      },
      /** Another RTCConfiguration than the server's, for the next start. */
      get rtcConfigurationOverride() {
        return session.rtcConfigurationOverride;
      },
      set rtcConfigurationOverride(value) {
        session.rtcConfigurationOverride = value;
      },
      /** @return {!Array<!Object>} one figures object per second */
      get stats() {
        return seam.stats.history;
      },
      /** @return {{local: ?number, remote: ?number}} meter levels, dBFS */
      levels: () => ({local: seam.meters.local.db, remote: seam.meters.remote.db}),
      setInput,
      dominantFrequency,
      inboundAudioStats,
      inboundVideoStats,
      videoSample,
      socketStats,
    };
    window.fastrtcPage = page;

    on(seam.events, 'load', ({streams, stream}) => {
      page.streams = streams;
      page.stream = stream;
    });
    on(seam.events, 'error', ({text}) => page.errors.push(text));
    on(seam.events, 'hint', ({text}) => page.hints.push(text));
    on(seam.events, 'input', ({answer}) => {
      pendingInput = answer;
    });
    on(seam.events, 'inputanswer', ({answer}) => {
      page.lastInputAnswer = answer;
    });
    on(session, 'starting', () => {
      page.messages.length = 0;
      page.errors.length = 0;
      page.remoteKinds.length = 0;
      page.outputs.length = 0;
      page.lastInputAnswer = null;
      page.clears = 0;
    });
    on(session, 'message', ({raw}) => page.messages.push(raw));
    on(session, 'track', ({track, stream}) => {
      page.remoteKinds.push(track.kind);
      remoteStream = stream;
    });
    on(session, 'clear', () => page.clears++);
    on(session, 'output', (output) => page.outputs.push(output));
    on(session, 'outputsopen', () => {
      page.outputsOpen = true;
    });
    on(session, 'outputsclose', () => {
      page.outputsOpen = false;
    });
    on(session, 'stopped', () => {
      page.outputsOpen = false;
      remoteStream = null;
      analyser = null;
    });

    /**
     * Sets one input through its control, as a user would.
     * @param {string} name
     * @param {*} value
     * @return {!Promise<?{ok: boolean, status: number, body: *}>}
     */
    function setInput(name, value) {
      const control = seam.inputs.querySelector(`[data-input="${name}"]`);
      if (!control) return Promise.reject(new Error(`no input ${name}`));
      if (control.type === 'checkbox') {
        control.checked = Boolean(value);
      } else {
        control.value = String(value);
      }
      control.dispatchEvent(new Event(control.type === 'text' ? 'change' : 'input'));
      return pendingInput;
    }

    /**
     * Measures the remote audio with a WebAudio analyser (created on first
     * use, on the page's AudioContext).
     * @return {!Promise<{frequency: number, level: number}>} the peak
     *     frequency in Hz (parabolic interpolation) and the RMS level (0..1)
     */
    async function dominantFrequency() {
      const audio = session.audio;
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

    /** @return {?Object} WebSocket counters, or null without a WebSocket */
    function socketStats() {
      const client = session.client;
      return client && session.transport === 'websocket' ? {...client.stats} : null;
    }

    /** @return {!Promise<?RTCStatsReport>} null unless WebRTC is running */
    async function rtcReport() {
      const client = session.client;
      return client && session.transport === 'webrtc' ? client.getStats() : null;
    }

    /**
     * @return {!Promise<?{packetsReceived: number, bytesReceived: number,
     *     packetsSent: number}>} audio RTP counters, or null
     */
    async function inboundAudioStats() {
      const report = await rtcReport();
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
     *     inbound video RTP counters, or null
     */
    async function inboundVideoStats() {
      const report = await rtcReport();
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
     * Averages the colours of a video element's current picture over a grid
     * of cells (the middle half of each, away from edges codecs blur).
     * @param {string} which 'remote' (default) or 'local'
     * @param {number=} grid cells per side (default 2: the four quadrants)
     * @return {!Promise<{width: number, height: number,
     *     cells: !Array<!Array<!Array<number>>>}>} cells[row][column] is
     *     [r, g, b], 0..255
     */
    async function videoSample(which = 'remote', grid = 2) {
      const video = document.getElementById(which === 'local' ? 'local-video' : 'remote-video');
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
  }

  window.addEventListener('fastrtc:debug', ({detail: seam}) => {
    if (seam.page === 'index') probeIndex(seam);
    if (seam.page === 'stream') probeStream(seam);
  });
})();
