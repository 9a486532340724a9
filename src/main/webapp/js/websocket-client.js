/**
 * @fileoverview A browser client for one FastRTC stream over the WebSocket
 * transport, `<base>/websocket/offer`.
 *
 * It speaks FastRTC's protocol: JSON text frames, `{"event":"start",
 * "websocket_id":id}` first, then `{"event":"media","media":{"payload":b64}}`
 * with 8-bit G.711 µ-law at the stream's input rate, `{"event":"stop"}` to end.
 * The server answers with µ-law `media` at the stream's output rate, paced in
 * real time, plus the data-channel messages (`{"type":...}`) on the same
 * socket. Two server frames are not FastRTC's: `{"event":"clear"}` (the
 * handler flushed, so queued playback is dropped at once) and the failure body
 * `{"status":"failed","meta":{...}}` before a refusing close. Every
 * `pingIntervalMs` the client sends `{"event":"ping"}` and times the `pong`.
 * Inputs and outputs work as with FastRtcClient (sendInputs,
 * subscribeOutputs).
 *
 * Playback schedules each chunk right after the previous one, at least
 * `playbackLead` seconds ahead (a jitter buffer), into a MediaStream so the
 * page's <audio> element and analyser work as for WebRTC.
 *
 * This file only re-exports: the client is `client/socket-client.js`, its
 * frames `client/socket-frames.js`, its audio `client/socket-audio.js`, the
 * codec `client/mulaw.js`.
 *
 * Events (CustomEvent, payload in `detail`), as FastRtcClient's:
 *   statechange  {state}          'connecting', 'connected', 'closed', 'failed'
 *   message      {raw, data}      any non-media frame (data: parsed JSON)
 *   track        {track, stream}  the playback stream, once
 *   channelopen  {}               `start` was sent: inputs and outputs may use
 *                                 the id (FastRTC's `webrtc_id` is the
 *                                 `websocket_id` on this transport)
 *   clear        {droppedSeconds} the server asked to drop queued audio
 *   output       {values, id}     an additional output
 */

export {muLawDecode, muLawEncode} from './client/mulaw.js';
export {WebSocketAudioClient} from './client/socket-client.js';
