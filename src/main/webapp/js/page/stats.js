/**
 * @fileoverview Live connection statistics for the bundled page: totals read
 * from WebRTC's getStats() (or the WebSocket client's counters), turned into
 * per-second figures (round-trip time, jitter, packet loss, bitrate in and
 * out). Pure functions; sparkline.js draws them.
 */

/**
 * Cumulative counters at one moment.
 * @typedef {{time: number, rttMs: ?number, jitterMs: ?number,
 *     packetsReceived: number, packetsLost: number, packetsSent: number,
 *     remotePacketsLost: number, bytesReceived: number, bytesSent: number}}
 * Totals
 */

/**
 * One second's figures; null where the transport cannot tell.
 * @typedef {{rttMs: ?number, jitterMs: ?number, lossPercent: ?number,
 *     inKbps: number, outKbps: number}}
 * Figures
 */

/**
 * Reads the counters of a WebRTC stats report.
 * @param {!RTCStatsReport} report
 * @param {number} time performance.now() of the report, ms
 * @return {!Totals}
 */
export function totalsOfReport(report, time) {
  const totals = {
    time,
    rttMs: null,
    jitterMs: null,
    packetsReceived: 0,
    packetsLost: 0,
    packetsSent: 0,
    remotePacketsLost: 0,
    bytesReceived: 0,
    bytesSent: 0,
  };
  let remoteRttMs = null;
  let remoteJitterMs = null;
  report.forEach((s) => {
    if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' &&
        typeof s.currentRoundTripTime === 'number') {
      totals.rttMs = s.currentRoundTripTime * 1000;
    } else if (s.type === 'inbound-rtp') {
      totals.packetsReceived += s.packetsReceived || 0;
      totals.packetsLost += Math.max(0, s.packetsLost || 0);
      totals.bytesReceived += s.bytesReceived || 0;
      if (typeof s.jitter === 'number') {
        totals.jitterMs = Math.max(totals.jitterMs || 0, s.jitter * 1000);
      }
    } else if (s.type === 'outbound-rtp') {
      totals.packetsSent += s.packetsSent || 0;
      totals.bytesSent += s.bytesSent || 0;
    } else if (s.type === 'remote-inbound-rtp') {
      totals.remotePacketsLost += Math.max(0, s.packetsLost || 0);
      if (typeof s.roundTripTime === 'number') remoteRttMs = s.roundTripTime * 1000;
      if (typeof s.jitter === 'number') {
        remoteJitterMs = Math.max(remoteJitterMs || 0, s.jitter * 1000);
      }
    }
  });
  // A send-only connection has no inbound RTP: use what the server reports.
  if (totals.rttMs === null) totals.rttMs = remoteRttMs;
  if (totals.jitterMs === null) totals.jitterMs = remoteJitterMs;
  return totals;
}

/**
 * Reads the counters of a WebSocket client (bytes and the ping round trip).
 * @param {{bytesReceived: number, bytesSent: number, rttMs: ?number}} stats
 * @param {number} time ms
 * @return {!Totals}
 */
export function totalsOfSocket(stats, time) {
  return {
    time,
    rttMs: stats.rttMs,
    jitterMs: null,
    packetsReceived: 0,
    packetsLost: 0,
    packetsSent: 0,
    remotePacketsLost: 0,
    bytesReceived: stats.bytesReceived,
    bytesSent: stats.bytesSent,
  };
}

/**
 * The figures between two readings.
 * @param {!Totals} before
 * @param {!Totals} after
 * @return {!Figures}
 */
export function figuresBetween(before, after) {
  const seconds = Math.max(0.001, (after.time - before.time) / 1000);
  const kbps = (bytes) => Math.max(0, bytes) * 8 / 1000 / seconds;
  const lost = after.packetsLost - before.packetsLost;
  const received = after.packetsReceived - before.packetsReceived;
  const remoteLost = after.remotePacketsLost - before.remotePacketsLost;
  const sent = after.packetsSent - before.packetsSent;
  let lossPercent = null;
  if (received + lost > 0) {
    lossPercent = 100 * Math.max(0, lost) / (received + Math.max(0, lost));
  } else if (sent > 0) {
    lossPercent = 100 * Math.max(0, remoteLost) / (sent + Math.max(0, remoteLost));
  }
  return {
    rttMs: after.rttMs,
    jitterMs: after.jitterMs,
    lossPercent,
    inKbps: kbps(after.bytesReceived - before.bytesReceived),
    outKbps: kbps(after.bytesSent - before.bytesSent),
  };
}
