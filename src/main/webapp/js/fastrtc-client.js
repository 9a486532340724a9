/**
 * @fileoverview A reusable browser client for FastRTC streams: ES modules
 * with no dependencies and no build step. Import it from the server
 * (`<app>/js/fastrtc-client.js`) or copy it with its `client/` folder next to
 * your own page. This file only re-exports the client's parts: `client/`
 * holds one module per job (messages, discovery, the shared StreamClient, the
 * WebRTC client).
 *
 * It speaks FastRTC's signalling contract: a "text" data channel created
 * before the offer, the SDP offer POSTed to `<base>/webrtc/offer` as
 * `{sdp, type: 'offer', webrtc_id}`, then, with trickle ICE (the default),
 * each local ICE candidate POSTed to the same URL as
 * `{webrtc_id, type: 'ice-candidate', candidate}`; without trickle the offer
 * waits for ICE gathering and carries every candidate. Logical failures
 * arrive as HTTP 200 `{status: 'failed', meta: {error, limit?}}`.
 *
 * Additional inputs go to `POST <base>/input_hook` as `{webrtc_id, ...}`;
 * additional outputs come from `GET <base>/outputs?webrtc_id=` (Server-Sent
 * Events named `output`, each a JSON array of values).
 *
 * Events (CustomEvent, payload in `detail`):
 *   statechange  {state}          RTCPeerConnection state, then 'closed'
 *   channelopen  {}               the data channel is open
 *   message      {raw, data}      data-channel message; data is parsed JSON
 *                                 or the raw string when it is not JSON
 *   track        {track, stream}  a remote media track arrived
 *   output       {values, id}     an additional output (after
 *                                 subscribeOutputs())
 */

export {describeFailure, kindsOf, parseMessage, randomId} from './client/messages.js';
export {appRoot, fetchRtcConfiguration, fetchStreams} from './client/discovery.js';
export {StreamClient} from './client/stream-client.js';
export {FastRtcClient} from './client/webrtc-client.js';
