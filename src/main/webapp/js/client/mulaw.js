/**
 * @fileoverview G.711 µ-law, the WebSocket transport's audio encoding, and
 * the base64 of its `media` payloads. Pure functions.
 */

/** @const {!Int16Array} µ-law byte -> 16-bit sample (G.711). */
const DECODE = (() => {
  const table = new Int16Array(256);
  for (let i = 0; i < 256; i++) {
    const u = ~i & 0xff;
    const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
    table[i] = (u & 0x80) ? 0x84 - t : t - 0x84;
  }
  return table;
})();

/**
 * Encodes one 16-bit sample as G.711 µ-law.
 * @param {number} sample an integer in [-32768, 32767]
 * @return {number} the code byte
 */
export function muLawEncode(sample) {
  let pcm = sample;
  let sign = 0;
  if (pcm < 0) {
    pcm = -pcm;
    sign = 0x80;
  }
  pcm = Math.min(pcm, 32635) + 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) {
    exponent--;
  }
  const mantissa = (pcm >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/**
 * Decodes one µ-law byte.
 * @param {number} code
 * @return {number} the 16-bit sample
 */
export function muLawDecode(code) {
  return DECODE[code & 0xff];
}

/**
 * Encodes Float32 samples as µ-law, clipping to [-1, 1].
 * @param {!Float32Array} samples
 * @return {!Uint8Array} one code byte per sample
 */
export function encodeFloats(samples) {
  const codes = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    codes[i] = muLawEncode(Math.round(s * 32767));
  }
  return codes;
}

/**
 * Decodes µ-law into Float32 samples.
 * @param {!Uint8Array} codes
 * @param {!Float32Array=} into where the samples go (a new array by default)
 * @return {!Float32Array} one sample in [-1, 1) per code
 */
export function decodeToFloats(codes, into = new Float32Array(codes.length)) {
  for (let i = 0; i < codes.length; i++) into[i] = DECODE[codes[i]] / 32768;
  return into;
}

/**
 * @param {!Uint8Array} bytes
 * @return {string} base64
 */
export function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

/**
 * @param {string} base64
 * @return {!Uint8Array}
 */
export function fromBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
