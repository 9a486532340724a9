package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.stream.OutputSpec;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.Routes;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/streams}: every deployed stream, for the bundled page and custom frontends: name,
 * paths, modality, mode, limits, inputs (type, default, label, UI widget and the Bean Validation
 * constraints) and outputs (name, display kind); under single sign-on only the streams the caller
 * may use.
 */
@Path("streams")
@RequestScoped
public class StreamsResource {
  @Inject StreamCatalog catalog;
  @Inject FastRtcEngine runtime;
  @Inject Validator validator;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** The stream list: under single sign-on, only the streams the caller may use. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, Object>> list() {
    var caller = callers.of(request);
    return catalog.all().stream()
        .filter(s -> callers.access().mayUse(caller, s))
        .map(this::describe)
        .toList();
  }

  private Map<String, Object> describe(StreamDefinition s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("modality", s.modality().wireName());
    m.put("mode", s.mode().wireName());
    m.put("concurrencyLimit", s.concurrencyLimit());
    m.put("timeLimitSeconds", s.timeLimitSeconds());
    m.put("inputSampleRate", s.inputSampleRate());
    m.put("outputSampleRate", s.outputSampleRate());
    m.put("fps", s.fps());
    m.put("skipFrames", s.skipFrames());
    m.put("allowExtraTracks", s.allowExtraTracks());
    m.put("isDefault", catalog.defaultStream().map(s::equals).orElse(false));
    m.put("basePath", s.basePath());
    m.put("offerPath", s.basePath() + "/webrtc/offer");
    m.put("inputHookPath", s.basePath() + "/" + Routes.INPUT_HOOK);
    m.put("outputsPath", s.basePath() + "/" + Routes.OUTPUTS);
    m.put("activeConnections", runtime.registry().count(s));
    m.put("inputs", s.inputs().describe(validator));
    m.put("inputsType", s.inputs().isTyped() ? s.inputs().type().getSimpleName() : null);
    m.put("outputs", s.outputs().stream().map(StreamsResource::describe).toList());
    return m;
  }

  private static Map<String, Object> describe(OutputSpec o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name());
    m.put("kind", o.kind().wireName());
    m.put("label", o.label());
    return m;
  }
}
