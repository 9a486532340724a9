/**
 * The bundled pages in an application that embeds {@code fastrtc-classes.jar}: the jar carries them
 * as web-fragment static resources under {@code META-INF/resources/fastrtc/}, which the container
 * serves at {@code /fastrtc/}; this package moves them ({@code fastrtc.ui.path}) or hides them
 * ({@code fastrtc.ui.enabled=false}). Not API.
 */
package io.fastrtc.jakarta.web.ui;
