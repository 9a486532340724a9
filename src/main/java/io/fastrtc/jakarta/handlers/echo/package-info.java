/** The echo handler: plays the client's audio back. */
package io.fastrtc.jakarta.handlers.echo;
