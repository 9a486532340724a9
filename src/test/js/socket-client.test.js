import assert from 'node:assert/strict';
import {before, test} from 'node:test';

let WebSocketAudioClient;

before(async () => {
  // The client resolves its URLs against the page; nothing else of the DOM is used here.
  globalThis.document = {baseURI: 'https://example.test/app/stream.html'};
  ({WebSocketAudioClient} = await import('../../main/webapp/js/websocket-client.js'));
});

/** @return {!Array<!Object>} the events the client fires, as {type, detail} */
function record(client) {
  const events = [];
  for (const type of ['message', 'clear', 'statechange']) {
    client.addEventListener(type, (e) => events.push({type, detail: e.detail}));
  }
  return events;
}

test('the socket URL follows the page\'s scheme and the stream\'s base', () => {
  const client = new WebSocketAudioClient('streams/echo');
  assert.equal(String(client.url), 'wss://example.test/app/streams/echo/websocket/offer');
  assert.equal(client.websocketId, client.webrtcId);
});

test('media frames count towards the stats without playback', () => {
  const client = new WebSocketAudioClient('streams/echo', {outputSampleRate: 8000});
  const events = record(client);
  const frame = '{"event":"media","media":{"payload":"' + Buffer.alloc(160).toString('base64') + '"}}';
  client.onFrame_(frame);
  client.onFrame_(frame);
  assert.equal(client.stats.mediaReceived, 2);
  assert.equal(client.stats.secondsReceived, 0.04);
  assert.equal(client.stats.bytesReceived, 2 * frame.length);
  assert.deepEqual(events, []);
});

test('clear, pong and other frames', () => {
  const client = new WebSocketAudioClient('streams/echo');
  const events = record(client);
  client.onFrame_('{"event":"clear"}');
  assert.deepEqual(events.shift(), {type: 'clear', detail: {droppedSeconds: 0}});
  assert.equal(client.stats.clears, 1);

  client.pingSentAt = performance.now() - 5;
  client.onFrame_('{"event":"pong"}');
  assert.ok(client.stats.rttMs >= 5);
  assert.equal(client.pingSentAt, null);
  client.onFrame_('{"event":"pong"}');  // unasked: ignored

  client.onFrame_('{"type":"log","data":"pause_detected"}');
  assert.deepEqual(events, [{type: 'message',
    detail: {raw: '{"type":"log","data":"pause_detected"}', data: {type: 'log', data: 'pause_detected'}}}]);
});

test('close without a socket ends closed, once', () => {
  const client = new WebSocketAudioClient('streams/echo');
  const events = record(client);
  client.close();
  client.close();
  assert.deepEqual(events, [{type: 'statechange', detail: {state: 'closed'}}]);
});
