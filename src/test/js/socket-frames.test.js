import assert from 'node:assert/strict';
import {test} from 'node:test';

import {mediaFrame, PING, readFrame, startFrame, stateAfterClose, STOP} from '../../main/webapp/js/client/socket-frames.js';

test('readFrame decodes media payloads', () => {
  const frame = readFrame('{"event":"media","media":{"payload":"/wCA"}}');
  assert.equal(frame.kind, 'media');
  assert.deepEqual([...frame.codes], [0xFF, 0x00, 0x80]);
});

test('readFrame tells clear and pong apart from messages', () => {
  assert.deepEqual(readFrame('{"event":"clear"}'), {kind: 'clear'});
  assert.deepEqual(readFrame('{"event":"pong"}'), {kind: 'pong'});
  const raw = '{"status":"failed","meta":{"error":"concurrency_limit_reached","limit":1}}';
  assert.deepEqual(readFrame(raw), {kind: 'message', raw, data: JSON.parse(raw)});
  assert.deepEqual(readFrame('plain text'), {kind: 'message', raw: 'plain text', data: 'plain text'});
});

test('frames written are FastRTC\'s', () => {
  assert.equal(JSON.stringify(startFrame('abc')), '{"event":"start","websocket_id":"abc"}');
  assert.equal(JSON.stringify(mediaFrame(Uint8Array.of(0xFF, 0x00, 0x80))),
      '{"event":"media","media":{"payload":"/wCA"}}');
  assert.equal(JSON.stringify(PING), '{"event":"ping"}');
  assert.equal(JSON.stringify(STOP), '{"event":"stop"}');
});

test('only a normal close leaves the client closed rather than failed', () => {
  assert.equal(stateAfterClose(1000), 'closed');
  assert.equal(stateAfterClose(1005), 'closed');
  assert.equal(stateAfterClose(1008), 'failed');
  assert.equal(stateAfterClose(1011), 'failed');
});
