/**
 * @fileoverview AudioWorklet processor for the WebSocket transport: posts
 * each 128-sample block of the first input channel (Float32, the context's
 * sample rate) to the main thread, which frames, encodes and sends it.
 */

/** Forwards captured audio to the main thread. */
class PcmCapture extends AudioWorkletProcessor {
  /**
   * @param {!Array<!Array<!Float32Array>>} inputs
   * @return {boolean} true, to keep running
   */
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}

registerProcessor('fastrtc-pcm-capture', PcmCapture);
