import assert from 'node:assert/strict';
import {test} from 'node:test';

import {figuresBetween, totalsOfReport, totalsOfSocket} from '../../main/webapp/js/page/stats.js';

/** An RTCStatsReport stand-in: what totalsOfReport uses is forEach. */
const report = (...stats) => new Map(stats.map((s, i) => [String(i), s]));

test('totalsOfReport sums RTP counters and reads the nominated pair\'s RTT', () => {
  const totals = totalsOfReport(report(
      {type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.012},
      {type: 'candidate-pair', nominated: false, state: 'succeeded', currentRoundTripTime: 9},
      {type: 'inbound-rtp', kind: 'audio', packetsReceived: 100, packetsLost: 2,
        bytesReceived: 8000, jitter: 0.003},
      {type: 'inbound-rtp', kind: 'video', packetsReceived: 50, packetsLost: -1,
        bytesReceived: 50000, jitter: 0.01},
      {type: 'outbound-rtp', kind: 'audio', packetsSent: 120, bytesSent: 9000},
  ), 1000);
  assert.deepEqual(totals, {
    time: 1000, rttMs: 12, jitterMs: 10, packetsReceived: 150, packetsLost: 2,
    packetsSent: 120, remotePacketsLost: 0, bytesReceived: 58000, bytesSent: 9000,
  });
});

test('a send-only connection falls back to the server\'s view', () => {
  const totals = totalsOfReport(report(
      {type: 'outbound-rtp', packetsSent: 10, bytesSent: 100},
      {type: 'remote-inbound-rtp', packetsLost: 3, roundTripTime: 0.02, jitter: 0.004},
  ), 0);
  assert.equal(totals.rttMs, 20);
  assert.equal(totals.jitterMs, 4);
  assert.equal(totals.remotePacketsLost, 3);
});

test('totalsOfSocket reads the WebSocket client\'s counters', () => {
  assert.deepEqual(totalsOfSocket({bytesReceived: 10, bytesSent: 20, rttMs: 3, mediaSent: 7}, 5), {
    time: 5, rttMs: 3, jitterMs: null, packetsReceived: 0, packetsLost: 0, packetsSent: 0,
    remotePacketsLost: 0, bytesReceived: 10, bytesSent: 20,
  });
});

test('figuresBetween gives one second\'s bitrates and loss', () => {
  const before = totalsOfSocket({bytesReceived: 0, bytesSent: 0, rttMs: null}, 0);
  const after = {...before, time: 2000, rttMs: 15, packetsReceived: 90, packetsLost: 10,
    bytesReceived: 25000, bytesSent: 5000};
  assert.deepEqual(figuresBetween(before, after),
      {rttMs: 15, jitterMs: null, lossPercent: 10, inKbps: 100, outKbps: 20});
});

test('figuresBetween takes the loss from the server when nothing arrives', () => {
  const before = totalsOfSocket({bytesReceived: 0, bytesSent: 0, rttMs: null}, 0);
  const after = {...before, time: 1000, packetsSent: 98, remotePacketsLost: 2};
  assert.equal(figuresBetween(before, after).lossPercent, 2);
  assert.equal(figuresBetween(before, {...before, time: 1000}).lossPercent, null);
});
