/**
 * @fileoverview The WebSocket transport's audio ends: capture (microphone ->
 * 20 ms µ-law chunks, through an AudioWorklet) and playback (µ-law chunks
 * scheduled back to back, at least `lead` seconds ahead as a jitter buffer,
 * into a MediaStream the page can play and measure).
 */

import {decodeToFloats} from './mulaw.js';
import {LinearResampler, MediaFramer} from './pcm.js';

/** Captures a MediaStream's audio as µ-law chunks. */
export class SocketCapture {
  /**
   * @param {number} sampleRate the stream's input rate
   * @param {function(!Uint8Array)} onChunk gets each 20 ms µ-law chunk
   */
  constructor(sampleRate, onChunk) {
    this.sampleRate = sampleRate;
    this.onChunk = onChunk;
    /** @type {?AudioContext} */
    this.context = null;
  }

  /** @param {!MediaStream} stream */
  async start(stream) {
    let context;
    try {
      context = new AudioContext({sampleRate: this.sampleRate});
    } catch {
      context = new AudioContext();
    }
    this.context = context;
    await context.audioWorklet.addModule(
        new URL('../pcm-capture-worklet.js', import.meta.url));
    if (this.context !== context) return;  // closed meanwhile
    const source = context.createMediaStreamSource(stream);
    const capture = new AudioWorkletNode(context, 'fastrtc-pcm-capture');
    const resampler = new LinearResampler(context.sampleRate, this.sampleRate);
    const framer = new MediaFramer(this.sampleRate);
    capture.port.onmessage = ({data}) => {
      framer.push(resampler.process(data)).forEach((codes) => this.onChunk(codes));
    };
    source.connect(capture);
    await context.resume();
  }

  /** Stops capturing. Safe to repeat. */
  close() {
    if (this.context) this.context.close();
    this.context = null;
  }
}

/** Plays µ-law chunks into a MediaStream. */
export class SocketPlayback {
  /**
   * @param {number} sampleRate the stream's output rate
   * @param {number} lead the jitter buffer, seconds
   */
  constructor(sampleRate, lead) {
    this.sampleRate = sampleRate;
    this.lead = lead;
    this.context = new AudioContext();
    this.out = this.context.createMediaStreamDestination();
    /** @type {!Set<!AudioBufferSourceNode>} scheduled, not yet ended */
    this.playing = new Set();
    this.nextPlayTime = 0;
    this.context.resume();
  }

  /** @return {!MediaStream} what is played */
  get stream() {
    return this.out.stream;
  }

  /** @param {!Uint8Array} codes µ-law at the output rate */
  play(codes) {
    const context = this.context;
    if (!context || codes.length === 0) return;
    const buffer = context.createBuffer(1, codes.length, this.sampleRate);
    decodeToFloats(codes, buffer.getChannelData(0));
    const node = context.createBufferSource();
    node.buffer = buffer;
    node.connect(this.out);
    const at = Math.max(context.currentTime + this.lead, this.nextPlayTime);
    node.start(at);
    this.nextPlayTime = at + buffer.duration;
    this.playing.add(node);
    node.onended = () => this.playing.delete(node);
  }

  /**
   * Drops every chunk that is scheduled but not played yet.
   * @return {number} the seconds of audio dropped
   */
  clear() {
    const context = this.context;
    const dropped = context ? Math.max(0, this.nextPlayTime - context.currentTime) : 0;
    this.playing.forEach((node) => node.stop());
    this.playing.clear();
    this.nextPlayTime = 0;
    return dropped;
  }

  /** Stops playing. Safe to repeat. */
  close() {
    if (this.context) this.context.close();
    this.context = null;
    this.playing.clear();
  }
}
