import assert from 'node:assert/strict';
import {test} from 'node:test';

import {muLawEncode} from '../../main/webapp/js/client/mulaw.js';
import {LinearResampler, MediaFramer} from '../../main/webapp/js/client/pcm.js';

test('the resampler passes equal rates through unchanged', () => {
  const input = Float32Array.of(0.1, 0.2, 0.3);
  assert.equal(new LinearResampler(16000, 16000).process(input), input);
});

test('the resampler keeps the rate ratio across blocks', () => {
  const resampler = new LinearResampler(48000, 16000);
  let out = 0;
  for (let i = 0; i < 375; i++) out += resampler.process(new Float32Array(128)).length;
  assert.equal(out, 16000);  // one second of 128-sample blocks
});

test('the resampler interpolates between blocks', () => {
  const resampler = new LinearResampler(2, 1);
  assert.deepEqual([...resampler.process(Float32Array.of(0, 1, 2, 3))], [0, 1]);
  assert.deepEqual([...resampler.process(Float32Array.of(4, 5))], [3]);
});

test('the framer hands out 20 ms chunks and keeps the rest', () => {
  const framer = new MediaFramer(8000);  // 160 samples per chunk
  assert.deepEqual(framer.push(new Float32Array(100)), []);
  const chunks = framer.push(new Float32Array(300).fill(0.5));
  assert.equal(chunks.length, 2);
  assert.equal(chunks[0].length, 160);
  assert.equal(chunks[0][0], 0xFF);  // the first 100 samples were silence
  assert.equal(chunks[1][0], muLawEncode(Math.round(0.5 * 32767)));
  assert.equal(framer.pending.length, 80);
});
