package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /telephone/incoming}: Twilio's voice webhook for the default stream, answered with
 * TwiML that connects the call to {@code /telephone/handler}. Twilio's form body is not read.
 */
@Path("telephone")
@RequestScoped
public class TelephoneResource {
  @Inject FastRtcEngine runtime;
  @Inject StreamCatalog catalog;
  @Context HttpServletRequest request;

  /** The webhook. */
  @POST
  @Path("incoming")
  public Response incoming() {
    return Webhook.answer(runtime, catalog.defaultStream(), true, "default stream", request);
  }
}
