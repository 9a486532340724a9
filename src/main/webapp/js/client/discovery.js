/**
 * @fileoverview What an application tells its clients before they connect:
 * the RTCConfiguration (`GET <app root>/api/rtc-configuration`) and the
 * deployed streams (`GET <app root>/api/streams`).
 */

/**
 * The application root of the page: the `content` of its
 * `<meta name="fastrtc-app-root">` (relative to the page; the copy of the
 * bundled pages in `fastrtc-classes.jar` says `../`), else the page's folder.
 * @return {!URL} an absolute URL ending in '/'
 */
export function appRoot() {
  const meta = document.querySelector('meta[name="fastrtc-app-root"]');
  const content = meta && meta.getAttribute('content');
  return folderUrl(content || new URL('.', document.baseURI));
}

/**
 * @param {string|!URL} value a URL, absolute or relative to the page
 * @return {!URL} it as an absolute URL ending in '/'
 */
export function folderUrl(value) {
  const url = new URL(String(value), document.baseURI);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * Fetches the RTCConfiguration (ICE and TURN servers) the server hands out at
 * `<app root>/api/rtc-configuration`; `{iceServers: []}` unless configured.
 * @param {string|!URL=} root the application root, e.g. '/' or '/myapp'
 *     (default: {@link appRoot})
 * @return {!Promise<!RTCConfiguration>}
 */
export async function fetchRtcConfiguration(
    root = appRoot()) {
  const response = await fetch(new URL('api/rtc-configuration', folderUrl(root)), {
    headers: {'Accept': 'application/json'},
    cache: 'no-store',
  });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body || typeof body !== 'object') {
    const detail = body && body.detail ? `: ${body.detail}` : '';
    throw new Error(`no RTC configuration (HTTP ${response.status})${detail}`);
  }
  return body;
}

/**
 * Fetches the deployed streams' metadata, `GET <app root>/api/streams`: name,
 * modality, mode, limits, rates, paths, inputs and outputs of each.
 * @param {string|!URL=} root the application root (default:
 *     {@link appRoot})
 * @return {!Promise<!Array<!Object>>}
 */
export async function fetchStreams(root = appRoot()) {
  const response = await fetch(new URL('api/streams', folderUrl(root)), {
    headers: {'Accept': 'application/json'},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const streams = await response.json();
  if (!Array.isArray(streams)) throw new Error('not a JSON array');
  return streams;
}
