import assert from 'node:assert/strict';
import {test} from 'node:test';

import {answerSdp, describeFailure, kindsOf, parseMessage, randomId, signallingBody} from '../../main/webapp/js/client/messages.js';
import * as client from '../../main/webapp/js/fastrtc-client.js';
import * as socketClient from '../../main/webapp/js/websocket-client.js';

test('the public modules export exactly what README and docs name', () => {
  assert.deepEqual(Object.keys(client).sort(), ['FastRtcClient', 'StreamClient',
    'appRoot', 'describeFailure', 'fetchRtcConfiguration', 'fetchStreams', 'kindsOf',
    'parseMessage', 'randomId']);
  assert.deepEqual(Object.keys(socketClient).sort(),
      ['WebSocketAudioClient', 'muLawDecode', 'muLawEncode']);
});

test('describeFailure reads FastRTC failure codes and limits', () => {
  assert.equal(describeFailure({error: 'concurrency_limit_reached', limit: 1}),
      'concurrency limit reached (limit 1)');
  assert.equal(describeFailure({error: 'connection_closed'}), 'connection closed');
  assert.equal(describeFailure(null), 'unknown error');
  assert.equal(describeFailure({}), 'unknown error');
});

test('parseMessage parses JSON and keeps anything else raw', () => {
  assert.deepEqual(parseMessage('{"type":"log","data":"pause_detected"}'),
      {type: 'log', data: 'pause_detected'});
  assert.equal(parseMessage('Server received: handshake'), 'Server received: handshake');
  assert.equal(parseMessage('42'), 42);
});

test('kindsOf gives the track kinds of a modality', () => {
  assert.deepEqual(kindsOf('audio'), ['audio']);
  assert.deepEqual(kindsOf('video'), ['video']);
  assert.deepEqual(kindsOf('audio-video'), ['audio', 'video']);
  assert.deepEqual(kindsOf(undefined), ['audio']);
});

test('randomId is ten base-36 characters or fewer, and varies', () => {
  const ids = new Set(Array.from({length: 50}, randomId));
  assert.ok(ids.size > 45);
  for (const id of ids) assert.match(id, /^[0-9a-z]{1,10}$/);
});

test('answerSdp returns the SDP or a readable error', () => {
  assert.equal(answerSdp({type: 'answer', sdp: 'v=0'}), 'v=0');
  assert.throws(() => answerSdp({status: 'failed', meta: {error: 'concurrency_limit_reached', limit: 2}}),
      {message: 'concurrency limit reached (limit 2)'});
  assert.throws(() => answerSdp({type: 'offer', sdp: 'v=0'}), {message: 'the server sent no SDP answer'});
  assert.throws(() => answerSdp(null), {message: 'the server sent no SDP answer'});
});

test('signallingBody parses 2xx JSON and explains anything else', () => {
  assert.deepEqual(signallingBody(200, '{"status":"success"}'), {status: 'success'});
  assert.throws(() => signallingBody(500, 'boom'), {message: 'offer rejected: HTTP 500 boom'});
  assert.throws(() => signallingBody(404, ''), {message: 'offer rejected: HTTP 404'});
  assert.throws(() => signallingBody(200, '<html>'), {message: 'the server sent no JSON (HTTP 200)'});
  assert.throws(() => signallingBody(400, 'x'.repeat(500)),
      {message: `offer rejected: HTTP 400 ${'x'.repeat(200)}`});
});

test('appRoot is the page folder, or what the page\'s fastrtc-app-root meta says', () => {
  const page = (url, content) => ({
    baseURI: url,
    querySelector: (selector) =>
      selector === 'meta[name="fastrtc-app-root"]' && content !== undefined ?
        {getAttribute: () => content} : null,
  });
  const saved = globalThis.document;
  try {
    globalThis.document = page('http://h/app/stream.html?name=echo');
    assert.equal(client.appRoot().href, 'http://h/app/');
    globalThis.document = page('http://h/app/fastrtc/stream.html?name=echo', '../');
    assert.equal(client.appRoot().href, 'http://h/app/');
    globalThis.document = page('http://h/app/tools/rtc/', '../../');
    assert.equal(client.appRoot().href, 'http://h/app/');
  } finally {
    globalThis.document = saved;
  }
});
