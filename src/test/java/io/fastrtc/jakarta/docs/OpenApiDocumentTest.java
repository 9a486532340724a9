package io.fastrtc.jakarta.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at {@code /openapi} (a file of the WAR) against the wire contract as
 * the code defines it: every JAX-RS route with its method, every {@code meta.error} code, and every
 * failure example in the exact shape {@link SignalResponse} writes (FastRTC's bodies byte for
 * byte).
 */
class OpenApiDocumentTest {
  private static final Path DOCUMENT =
      Path.of("src/main/webapp/WEB-INF/classes/META-INF/openapi.json");

  /** Routes RootRoutes serves at the root as well as under /api: the document names the root. */
  private static final List<String> ROOT_ROUTES =
      List.of("/webrtc/", "/streams/{name}/", "/telephone/", "/input_hook", "/outputs");

  private static JsonObject document() throws IOException {
    return Json.createReader(new StringReader(Files.readString(DOCUMENT))).readObject();
  }

  @Test
  void everyRouteOfTheWebLayerIsDocumentedWithItsMethod() throws IOException {
    JsonObject paths = document().getJsonObject("paths");
    List<String> missing = new ArrayList<>();
    for (String route : jaxRsRoutes()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      String root = path.substring("/api".length());
      String documented =
          paths.containsKey(path)
              ? path
              : ROOT_ROUTES.stream().anyMatch(root::startsWith) ? root : null;
      if (documented == null || !paths.getJsonObject(documented).containsKey(method)) {
        missing.add(route);
      }
    }
    assertThat(missing).as("routes missing from openapi.json").isEmpty();
    assertThat(paths.keySet()).contains("/webrtc/offer", "/input_hook", "/outputs", "/api/drain");
  }

  @Test
  void theErrorCodesAreExactlyTheContracts() throws IOException {
    Set<String> documented = new TreeSet<>();
    document()
        .getJsonObject("components")
        .getJsonObject("schemas")
        .getJsonObject("ErrorCode")
        .getJsonArray("enum")
        .getValuesAs(JsonString.class)
        .forEach(s -> documented.add(s.getString()));
    Set<String> contract = new TreeSet<>();
    Arrays.stream(ErrorCode.values()).forEach(c -> contract.add(c.wireName()));
    assertThat(documented).isEqualTo(contract);
  }

  @Test
  void everyFailureExampleHasTheContractsShape() throws IOException {
    List<JsonObject> failures = new ArrayList<>();
    collectFailures(document().getJsonObject("paths"), failures);
    assertThat(failures).hasSizeGreaterThan(20);
    for (JsonObject f : failures) {
      ErrorCode code = code(f.getJsonObject("meta").getString("error"));
      assertThat(f.keySet()).as(f.toString()).containsExactlyInAnyOrder("status", "meta");
      switch (code) {
        case CONCURRENCY_LIMIT_REACHED ->
            assertThat(f)
                .isEqualTo(
                    SignalResponse.concurrencyLimitReached(f.getJsonObject("meta").getInt("limit"))
                        .body());
        case SERVER_DRAINING -> assertThat(f).isEqualTo(SignalResponse.draining().body());
        default -> {
          if (f.getJsonObject("meta").containsKey("detail")) {
            assertThat(f.getJsonObject("meta").keySet()).contains("error", "detail");
          } else {
            // FastRTC's own bodies, byte for byte.
            assertThat(f).isEqualTo(SignalResponse.failed(code).body());
          }
        }
      }
    }
  }

  private static ErrorCode code(String wireName) {
    return Arrays.stream(ErrorCode.values())
        .filter(c -> c.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not a contract error code: " + wireName));
  }

  private static void collectFailures(JsonValue value, List<JsonObject> into) {
    if (value instanceof JsonObject o) {
      if ("failed".equals(o.getString("status", null)) && o.containsKey("meta")) {
        into.add(o);
        return;
      }
      o.values().forEach(v -> collectFailures(v, into));
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      value.asJsonArray().forEach(v -> collectFailures(v, into));
    }
  }

  /** "get /api/streams", ... for every resource method of the web layer. */
  private static List<String> jaxRsRoutes() {
    List<String> routes = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fastrtc.jakarta.web")) {
      if (!c.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
        continue;
      }
      String base = c.getAnnotationOfType(jakarta.ws.rs.Path.class).value();
      for (JavaMethod m : c.getMethods()) {
        String method =
            m.isAnnotatedWith(GET.class) ? "get" : m.isAnnotatedWith(POST.class) ? "post" : null;
        if (method == null) {
          continue;
        }
        String sub =
            m.isAnnotatedWith(jakarta.ws.rs.Path.class)
                ? "/" + m.getAnnotationOfType(jakarta.ws.rs.Path.class).value()
                : "";
        routes.add(method.toLowerCase(Locale.ROOT) + " /api/" + base + sub);
      }
    }
    assertThat(routes).hasSizeGreaterThan(10);
    return routes;
  }
}
