/** Sample streams shown by the bundled page; they use only the API and the built-in handlers. */
package io.fastrtc.jakarta.demo;
