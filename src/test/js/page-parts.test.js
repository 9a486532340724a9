import assert from 'node:assert/strict';
import {test} from 'node:test';

import {accountView} from '../../main/webapp/js/page/account.js';
import {deviceChoices, mediaConstraints} from '../../main/webapp/js/page/devices.js';
import {describeInputErrors} from '../../main/webapp/js/page/inputs-outputs.js';
import {FLOOR_DB, rmsDb} from '../../main/webapp/js/page/level-meter.js';
import {clearLine, reactionTo} from '../../main/webapp/js/page/message-log.js';

test('messages that stop the page, show an error or only go to the log', () => {
  assert.deepEqual(reactionTo({type: 'fetch_output'}), {log: false, action: null});
  assert.deepEqual(reactionTo('Server received: handshake'), {log: true, action: null});
  assert.deepEqual(reactionTo({type: 'log', data: 'pause_detected'}), {log: true, action: null});
  assert.deepEqual(reactionTo({status: 'failed', meta: {error: 'concurrency_limit_reached', limit: 1}}),
      {log: true, action: 'stop', text: 'concurrency limit reached (limit 1)', kind: 'error'});
  assert.deepEqual(reactionTo({type: 'warning', message: 'slow'}),
      {log: true, action: 'show', text: 'warning: slow', kind: 'warning'});
  assert.deepEqual(reactionTo({type: 'error', message: 'boom'}),
      {log: true, action: 'show', text: 'error: boom', kind: 'error'});
  assert.deepEqual(reactionTo({type: 'end_stream', data: 'time limit reached'}),
      {log: true, action: 'stop', kind: 'warning', text: 'stream ended: time limit reached'});
  assert.equal(reactionTo({type: 'end_stream'}).text, 'stream ended: closed by the server');
  assert.deepEqual(reactionTo({type: 'update_connection', data: 'closed'}), {log: true, action: 'stop'});
  assert.deepEqual(reactionTo({type: 'update_connection', data: 'open'}), {log: true, action: null});
});

test('a clear is logged with the audio it dropped', () => {
  assert.equal(clearLine(0.256), '{"event":"clear"} (dropped 0.26 s of queued audio)');
});

test('refused inputs read as one line', () => {
  assert.equal(describeInputErrors({meta: {errors: [
    {field: 'threshold', message: 'must be less than or equal to 1'},
    {field: 'mode', message: 'must be one of [a, b]'}]}}),
  'threshold must be less than or equal to 1; mode must be one of [a, b]');
  assert.equal(describeInputErrors({meta: {detail: 'unknown connection'}}), 'unknown connection');
  assert.equal(describeInputErrors({meta: {error: 'unknown_connection'}}), 'unknown_connection');
  assert.equal(describeInputErrors(null), 'the inputs were refused');
});

test('meters read RMS in dBFS above a floor', () => {
  assert.equal(rmsDb(new Float32Array(128)), FLOOR_DB);
  assert.equal(rmsDb(new Float32Array(0)), FLOOR_DB);
  assert.ok(Math.abs(rmsDb(new Float32Array(64).fill(1))) < 1e-9);
  assert.ok(Math.abs(rmsDb(new Float32Array(64).fill(0.1)) + 20) < 1e-5);
  assert.equal(rmsDb(new Float32Array(64).fill(1e-6)), FLOOR_DB);
});

test('device choices list named devices after the default', () => {
  const devices = [
    {kind: 'audioinput', deviceId: 'default', label: 'Default'},
    {kind: 'audioinput', deviceId: 'mic-1', label: 'USB mic'},
    {kind: 'audioinput', deviceId: 'mic-2', label: ''},
    {kind: 'videoinput', deviceId: 'cam-1', label: 'Camera'},
    {kind: 'audioinput', deviceId: '', label: ''},
  ];
  assert.deepEqual(deviceChoices(devices, 'audioinput', 'Default microphone'), [
    {label: 'Default microphone', value: ''},
    {label: 'USB mic', value: 'mic-1'},
    {label: 'Default microphone 2', value: 'mic-2'},
  ]);
});

test('media constraints follow the stream\'s kinds and the choices', () => {
  assert.deepEqual(mediaConstraints(['audio'], {microphone: '', camera: 'cam', voiceProcessing: false}), {
    audio: {echoCancellation: false, noiseSuppression: false, autoGainControl: false},
    video: false,
  });
  assert.deepEqual(mediaConstraints(['audio', 'video'], {microphone: 'm', camera: '', voiceProcessing: true}), {
    audio: {deviceId: {exact: 'm'}, echoCancellation: true, noiseSuppression: true, autoGainControl: true},
    video: true,
  });
  assert.deepEqual(mediaConstraints(['video'], {microphone: 'm', camera: 'c', voiceProcessing: true}),
      {audio: false, video: {deviceId: {exact: 'c'}}});
});

test('turn events are recognised, explained and timed', async () => {
  const {meaningOf, turnEventOf, turnLine} = await import('../../main/webapp/js/page/turn-events.js');
  assert.equal(turnEventOf({type: 'log', data: 'started_talking'}), 'started_talking');
  assert.equal(turnEventOf({type: 'log', data: 'playback_ended'}), 'playback_ended');
  assert.equal(turnEventOf({type: 'log', data: 'Server received: handshake'}), null);
  assert.equal(turnEventOf({type: 'warning', data: 'pause_detected'}), null);
  assert.equal(turnEventOf('pause_detected'), null);
  assert.equal(meaningOf('response_starting').state, 'agent');
  assert.equal(meaningOf('playback_ended').state, 'idle');
  assert.equal(turnLine('pause_detected', null), 'pause_detected');
  assert.equal(turnLine('response_starting', 12.4), 'response_starting (+12 ms)');
});

test('the account bar shows under single sign-on only', () => {
  assert.equal(accountView({security: 'off'}), null);
  assert.equal(accountView(null), null);
  assert.equal(accountView({security: 'sso'}), null);
  assert.deepEqual(accountView({security: 'sso', user: 'alice', groups: ['user', 'staff']}),
      {user: 'alice', title: 'groups: user, staff'});
  assert.deepEqual(accountView({security: 'sso', user: 'bob'}), {user: 'bob', title: 'no groups'});
});
