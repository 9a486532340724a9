package io.fastrtc.jakarta.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application, under {@code /api}. FastRTC's root paths ({@code /webrtc/offer}, ...) and
 * {@code /streams/...} reach it through {@link RootRoutes}, so the static page keeps {@code /}.
 */
@ApplicationPath("/api")
public class FastRtcApplication extends Application {}
