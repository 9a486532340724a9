import assert from 'node:assert/strict';
import {test} from 'node:test';

import {decodeToFloats, encodeFloats, fromBase64, muLawDecode, muLawEncode, toBase64} from '../../main/webapp/js/client/mulaw.js';

// The same G.711 values MuLawTest checks on the server and BrowserWebSocketIT in Chromium.
test('muLawEncode gives G.711 codes', () => {
  assert.deepEqual([0, 4, 124, 16252, 32767, -32768, -1].map(muLawEncode),
      [0xFF, 0xFE, 0xEF, 0x8F, 0x80, 0x00, 0x7F]);
});

test('muLawDecode gives G.711 samples', () => {
  assert.deepEqual([0xFF, 0xEF, 0x8F, 0x80, 0x00].map(muLawDecode), [0, 132, 16764, 32124, -32124]);
});

test('every code survives a decode and encode', () => {
  for (let code = 0; code < 256; code++) {
    const back = muLawEncode(muLawDecode(code));
    // 0x7F and 0xFF both mean zero; zero encodes as 0xFF.
    assert.equal(back, code === 0x7F ? 0xFF : code, `code ${code}`);
  }
});

test('encodeFloats clips to [-1, 1] and decodeToFloats scales back', () => {
  const codes = encodeFloats(Float32Array.of(0, 2, -2, 0.5));
  assert.deepEqual([...codes], [0xFF, 0x80, 0x00, muLawEncode(Math.round(0.5 * 32767))]);
  const floats = decodeToFloats(codes);
  assert.equal(floats[0], 0);
  assert.ok(Math.abs(floats[3] - 0.5) < 0.02);
  assert.equal(floats[1], 32124 / 32768);
});

test('base64 round trip of every byte', () => {
  const bytes = Uint8Array.from({length: 256}, (_, i) => i);
  assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
  assert.equal(toBase64(Uint8Array.of(0xFF, 0xFF, 0xFF)), '////');
});
