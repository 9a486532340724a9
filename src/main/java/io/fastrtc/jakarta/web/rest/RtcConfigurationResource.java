package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.config.ClientRtcConfiguration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code GET /api/rtc-configuration}: the {@code RTCConfiguration} a browser should pass to {@code
 * new RTCPeerConnection(...)} (see {@link ClientRtcConfiguration}); {@code {"iceServers":[]}}
 * unless ICE servers are configured. Never cached, as TURN credentials may be short-lived.
 */
@Path("rtc-configuration")
@RequestScoped
public class RtcConfigurationResource {
  private static final Logger LOG = Logger.getLogger(RtcConfigurationResource.class.getName());

  @Inject FastRtcEngine engine;

  /** The configuration, or 500 with the invalid setting named. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    try {
      ClientRtcConfiguration rtc = engine.settings().clientRtc();
      return Response.ok(rtc.resolve(Instant.now())).cacheControl(noStore).build();
    } catch (IllegalArgumentException e) {
      LOG.severe("Invalid client ICE configuration: " + e.getMessage());
      return Response.serverError()
          .entity(Map.of("error", "invalid_rtc_configuration", "detail", e.getMessage()))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .cacheControl(noStore)
          .build();
    }
  }
}
