/**
 * Thin HTTP and WebSocket adapters: parse the request, call the runtime, map the result. No logic
 * lives here.
 */
package io.fastrtc.jakarta.web;
