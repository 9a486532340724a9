/**
 * Built-in handlers, written only against the public API, and what the built-in engines share
 * ({@link io.fastrtc.jakarta.handlers.ModelLoading}: loading a model and reporting why it failed).
 */
package io.fastrtc.jakarta.handlers;
