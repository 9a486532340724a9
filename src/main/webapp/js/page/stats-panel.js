/**
 * @fileoverview The stream page's statistics panel: samples the connection's
 * counters once a second, keeps a minute of figures and draws four plots
 * (round-trip time, jitter, packet loss, bitrate in and out).
 */

import {WebSocketAudioClient} from '../websocket-client.js';
import {Sparkline} from './sparkline.js';
import {figuresBetween, totalsOfReport, totalsOfSocket} from './stats.js';

/** Seconds of statistics the plots show. */
const HISTORY_SECONDS = 60;

/** The four plots and the figures behind them. */
export class StatsPanel {
  /** @param {function(string): !HTMLElement} byId the page's element lookup */
  constructor(byId) {
    this.plots = {
      rtt: new Sparkline(byId('rtt-plot'), byId('rtt-value'),
          {unit: 'ms', minScale: 10, colors: ['#0b57d0']}),
      jitter: new Sparkline(byId('jitter-plot'), byId('jitter-value'),
          {unit: 'ms', digits: 1, minScale: 5, colors: ['#0b57d0']}),
      loss: new Sparkline(byId('loss-plot'), byId('loss-value'),
          {unit: '%', digits: 1, minScale: 1, colors: ['#a4161a']}),
      bitrate: new Sparkline(byId('bitrate-plot'), byId('bitrate-value'),
          {unit: 'kbit/s', minScale: 50, colors: ['#0b57d0', '#1e6b2e']}),
    };
    /** @type {!Array<!Object>} one figures object per second, latest last */
    this.history = [];
    /** @type {?Object} the previous totals */
    this.lastTotals = null;
    /** @type {?number} */
    this.timer = null;
  }

  /**
   * Starts sampling a connection every second (forgetting the last one's).
   * @param {function(): ?Object} currentClient the page's current client
   */
  start(currentClient) {
    this.stop();
    this.timer = setInterval(() => this.sample_(currentClient), 1000);
  }

  /** Stops sampling; the figures stay shown. */
  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  /** Forgets the figures (a new connection starts). */
  reset() {
    this.history.length = 0;
    this.lastTotals = null;
  }

  /**
   * Reads the connection's counters and adds one second to the plots.
   * @param {function(): ?Object} currentClient
   */
  async sample_(currentClient) {
    const client = currentClient();
    if (!client) return;
    let totals = null;
    if (client instanceof WebSocketAudioClient) {
      totals = totalsOfSocket(client.stats, performance.now());
    } else {
      const report = await client.getStats();
      if (report) totals = totalsOfReport(report, performance.now());
    }
    if (!totals || currentClient() !== client) return;
    if (this.lastTotals) {
      this.history.push(figuresBetween(this.lastTotals, totals));
      if (this.history.length > HISTORY_SECONDS) this.history.shift();
      this.draw();
    }
    this.lastTotals = totals;
  }

  /** Redraws the plots from the figures. */
  draw() {
    const series = (key) => this.history.map((f) => f[key]);
    this.plots.rtt.draw([series('rttMs')]);
    this.plots.jitter.draw([series('jitterMs')]);
    this.plots.loss.draw([series('lossPercent')]);
    this.plots.bitrate.draw([series('inKbps'), series('outKbps')], ['in', 'out']);
  }
}
