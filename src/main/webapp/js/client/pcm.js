/**
 * @fileoverview Captured audio on its way to the WebSocket: resampled to the
 * stream's input rate and cut into 20 ms µ-law chunks. Pure, no WebAudio.
 */

import {encodeFloats} from './mulaw.js';

/**
 * Converts captured Float32 audio from the context's rate to the stream's
 * input rate by linear interpolation; a no-op when the rates match (Chromium
 * honours the requested AudioContext rate, so it usually is).
 */
export class LinearResampler {
  /**
   * @param {number} from source rate
   * @param {number} to target rate
   */
  constructor(from, to) {
    this.step = from / to;
    this.position = 0;
    this.last = 0;
  }

  /**
   * @param {!Float32Array} input
   * @return {!Float32Array}
   */
  process(input) {
    if (this.step === 1) return input;
    const out = [];
    let p = this.position;
    while (p < input.length) {
      const i = Math.floor(p);
      const a = i === 0 ? this.last : input[i - 1];
      const b = input[i];
      const frac = p - i;
      out.push(a + (b - a) * frac);
      p += this.step;
    }
    this.position = p - input.length;
    this.last = input[input.length - 1];
    return Float32Array.from(out);
  }
}

/** Collects samples and hands them out as 20 ms µ-law chunks. */
export class MediaFramer {
  /** @param {number} sampleRate the stream's input rate */
  constructor(sampleRate) {
    this.chunk = sampleRate / 50;
    this.pending = new Float32Array(0);
  }

  /**
   * Adds samples; returns every complete chunk, keeping the rest.
   * @param {!Float32Array} samples at the input rate
   * @return {!Array<!Uint8Array>} µ-law chunks of 20 ms each
   */
  push(samples) {
    const joined = new Float32Array(this.pending.length + samples.length);
    joined.set(this.pending);
    joined.set(samples, this.pending.length);
    const chunks = [];
    let offset = 0;
    for (; offset + this.chunk <= joined.length; offset += this.chunk) {
      chunks.push(encodeFloats(joined.subarray(offset, offset + this.chunk)));
    }
    this.pending = joined.slice(offset);
    return chunks;
  }
}
