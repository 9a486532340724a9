/**
 * The one test stream the secured test server (fastrtcSSO) deploys besides the bundled ones: it
 * reports the connection's user as outputs (SecuredUserIT).
 */
package io.fastrtc.jakarta.it.sso.whoami;
