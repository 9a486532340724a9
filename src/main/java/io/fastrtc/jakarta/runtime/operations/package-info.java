/**
 * Operating the server, not API: the drain for rolling deploys and the health decisions (ready,
 * alive) that the web layer's MicroProfile Health checks report.
 */
package io.fastrtc.jakarta.runtime.operations;
