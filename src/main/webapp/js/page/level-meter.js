/**
 * @fileoverview Audio level meters: the RMS level of a MediaStream's audio,
 * measured with a WebAudio analyser ten times a second and shown in a
 * `<meter>` (in dBFS, -60 to 0) with the number beside it.
 */

/** The quietest level shown; anything below reads as this. */
export const FLOOR_DB = -60;

/**
 * @param {!Float32Array} samples
 * @return {number} the RMS level in dBFS, at least FLOOR_DB
 */
export function rmsDb(samples) {
  let power = 0;
  for (let i = 0; i < samples.length; i++) power += samples[i] * samples[i];
  const rms = Math.sqrt(power / Math.max(1, samples.length));
  return rms > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(rms)) : FLOOR_DB;
}

/** One meter, following one stream at a time. */
export class LevelMeter {
  /**
   * @param {!HTMLMeterElement} meter
   * @param {!HTMLElement} valueText
   */
  constructor(meter, valueText) {
    this.meter = meter;
    this.valueText = valueText;
    /** The latest level in dBFS, or null when not measuring. */
    this.db = null;
    this.source = null;
    this.analyser = null;
    this.timer = null;
    this.show_(null);
  }

  /**
   * Starts measuring a stream's audio (stops measuring the previous one).
   * @param {!AudioContext} context
   * @param {!MediaStream} stream must have an audio track
   */
  attach(context, stream) {
    this.detach();
    if (stream.getAudioTracks().length === 0) return;
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    const source = context.createMediaStreamSource(stream);
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    this.source = source;
    this.analyser = analyser;
    this.timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      this.show_(rmsDb(samples));
    }, 100);
  }

  /** Stops measuring; the meter reads empty. */
  detach() {
    if (this.timer !== null) clearInterval(this.timer);
    if (this.source) this.source.disconnect();
    this.timer = null;
    this.source = null;
    this.analyser = null;
    this.show_(null);
  }

  /** @param {?number} db */
  show_(db) {
    this.db = db;
    this.meter.value = db === null ? FLOOR_DB : db;
    this.valueText.textContent = db === null ? '–' : `${db.toFixed(0)} dBFS`;
  }
}
