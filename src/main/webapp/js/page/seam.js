/**
 * @fileoverview The bundled pages' one seam for tooling and the browser
 * tests. Each page publishes a handle at `window.fastrtcDebug` and announces
 * it with a `fastrtc:debug` event on window (`detail`: the handle), so a
 * script that runs before the page (the browser tests inject theirs with
 * CDP's Page.addScriptToEvaluateOnNewDocument) can follow it from the start.
 *
 * The handle only exposes parts the page has anyway; it adds no behaviour:
 *   index page:  {page: 'index', events}
 *   stream page: {page: 'stream', events, session, stats, meters, inputs}
 * `events` is an EventTarget on which the page fires `load` ({streams, and
 * on the stream page stream}), `error` ({text, kind}) and, on the stream
 * page, `hint` ({text}), `input` ({answer}: the promise of the input hook's
 * answer to a control's change) and `inputanswer` ({answer}); `loaded` ({})
 * ends the index page's loading. `session` is the page's StreamSession (see
 * its events), `stats` its StatsPanel, `meters` its {local, remote}
 * LevelMeters, `inputs` the element holding the input controls.
 */

/**
 * Publishes a page's handle.
 * @param {!Object} handle
 */
export function publish(handle) {
  window.fastrtcDebug = handle;
  window.dispatchEvent(new CustomEvent('fastrtc:debug', {detail: handle}));
}
