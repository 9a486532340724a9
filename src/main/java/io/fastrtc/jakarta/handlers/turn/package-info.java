/**
 * Turn-taking for voice agents: voice-activity models, pause detection and the handlers built on
 * them. Written only against the public API.
 */
package io.fastrtc.jakarta.handlers.turn;
