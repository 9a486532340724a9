/** Built-in handlers, written only against the public API. */
package io.fastrtc.jakarta.handlers;
