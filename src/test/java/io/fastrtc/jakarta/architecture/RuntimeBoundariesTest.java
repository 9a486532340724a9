package io.fastrtc.jakarta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The runtime's inner arrows: the two transports do not know each other, a connection knows no
 * transport, the runtime names no demo class, and only the types that carry a seam between two
 * packages are public. The rest of the engine is package-private, so the jar does not offer it as
 * API.
 */
@AnalyzeClasses(
    packages = "io.fastrtc.jakarta",
    importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeBoundariesTest {
  private static final String RUNTIME = "io.fastrtc.jakarta.runtime";

  /**
   * Every public top-level type of the runtime, by package, and why it must be public: each is used
   * by another package (the web layer, the composition root, CDI, or another runtime package). A
   * new public type belongs here only with such a reason.
   */
  static final Set<String> PUBLIC_RUNTIME_TYPES =
      Set.of(
          // The composition root: built by CDI (runtime.cdi) and by tests, used by the web layer.
          "FastRtcEngine",
          "FastRtcEngineBuilder",
          // The cluster seam: the engine builds it, the registry joins connections to it, the web
          // layer forwards requests and reads remote outputs through it.
          "cluster.Cluster",
          "cluster.InputForwarder",
          // The Redis cluster: the engine root starts it when fastrtc.cluster.redis-uri is set.
          "cluster.redis.RedisCluster",
          // DSP shared by the connection and both transports.
          "audio.InputAudio",
          "audio.MuLaw",
          "audio.MuLawPacketizer",
          "audio.Pcm",
          "audio.Resampler",
          // CDI entry points: the container instantiates them (the extension via ServiceLoader).
          "cdi.FastRtcConnections",
          "cdi.FastRtcEngineProducer",
          "cdi.StreamCatalogProducer",
          "cdi.StreamDiscovery",
          "cdi.SpeechToTextChoice",
          "cdi.SecurityProducer",
          // Settings: read once, used by the engine, CDI, streams, WebRTC and the web layer.
          "config.ClientRtcConfiguration",
          "config.ConfigKey",
          "config.IceSettings",
          "config.Settings",
          // The cluster's settings, read by the engine root and the Redis cluster.
          "config.ClusterSettings",
          // The web layer's security gate reads them.
          "config.SecuritySettings",
          // Single sign-on decisions the web layer applies (roles, origins, Twilio's signature).
          "security.OriginPolicy",
          "security.StreamAccess",
          "security.TwilioSignature",
          // The connection as the transports and the engine see it.
          "connection.Admission",
          "connection.AudioClock",
          "connection.Connection",
          "connection.ConnectionRegistry",
          "connection.EndReason",
          // Connection events for metrics: the web layer's MicroProfile Metrics implement it.
          "connection.ConnectionEvents",
          "connection.HandlerLease",
          "connection.RuntimeMetrics",
          "connection.RuntimeServices",
          // One stream and transport's figures, which the web layer's metrics read.
          "connection.StreamMeter",
          "connection.Transport",
          // Operations: the drain and health decisions the web layer's adapters report.
          "operations.Drain",
          "operations.DrainState",
          "operations.Health",
          "operations.HealthReport",
          // libwebrtc's native threads' CPU, which the web layer's metrics report.
          "operations.NativeThreadCpu",
          // The socket transport as its one endpoint and the engine see it.
          "socket.SocketRoute",
          "socket.SocketSession",
          "socket.SocketSessions",
          "socket.webhook.PublicUrl",
          "socket.webhook.TelephoneWebhook",
          // Stream definitions, read by every transport and the web layer.
          "stream.InputSpec",
          "stream.OutputSpec",
          "stream.StreamCatalog",
          "stream.StreamDeclarations",
          "stream.StreamDefinition",
          // The WebRTC transport as the engine sees it.
          "webrtc.WebRtcEngine",
          "webrtc.WebRtcSignaling",
          "webrtc.WebRtcUnavailableException",
          // The wire contract, defined once, used by the transports and the web layer.
          "wire.ChannelMessages",
          "wire.ErrorCode",
          "wire.IceCandidate",
          "wire.InputHookRequest",
          "wire.InvalidRequestException",
          "wire.OfferRequest",
          "wire.OutputEvents",
          "wire.Routes",
          "wire.SignalResponse",
          "wire.SocketEvent",
          "wire.SocketMessages");

  @ArchTest
  static final ArchRule publicRuntimeTypesComeFromTheAllowList =
      classes()
          .that()
          .resideInAPackage(RUNTIME + "..")
          .and()
          .areTopLevelClasses()
          .and()
          .haveModifier(JavaModifier.PUBLIC)
          .and()
          .doNotHaveSimpleName("package-info")
          .should(
              new ArchCondition<JavaClass>("be on the allow-list") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  String name = c.getName().substring(RUNTIME.length() + 1);
                  if (!PUBLIC_RUNTIME_TYPES.contains(name)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            c,
                            c.getName()
                                + " is public but not on RuntimeBoundariesTest's allow-list:"
                                + " make it package-private, or add it with the reason"));
                  }
                }
              });

  @ArchTest
  static final ArchRule webRtcDoesNotDependOnTheSocketTransport =
      noClasses()
          .that()
          .resideInAPackage(RUNTIME + ".webrtc..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(RUNTIME + ".socket..");

  @ArchTest
  static final ArchRule theSocketTransportDoesNotDependOnWebRtc =
      noClasses()
          .that()
          .resideInAPackage(RUNTIME + ".socket..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(RUNTIME + ".webrtc..");

  @ArchTest
  static final ArchRule aConnectionKnowsNoTransportNorTheContainer =
      noClasses()
          .that()
          .resideInAnyPackage(RUNTIME + ".connection..", RUNTIME + ".stream..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              RUNTIME + ".webrtc..",
              RUNTIME + ".socket..",
              RUNTIME + ".cdi..",
              "jakarta.websocket..",
              "jakarta.ws.rs..",
              "jakarta.enterprise..");

  @ArchTest
  static final ArchRule nothingBelowTheEngineRootNamesIt =
      noClasses()
          .that()
          .resideInAnyPackage(
              RUNTIME + ".connection..",
              RUNTIME + ".stream..",
              RUNTIME + ".config..",
              RUNTIME + ".audio..",
              RUNTIME + ".wire..",
              RUNTIME + ".webrtc..",
              RUNTIME + ".socket..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are the engine root (runtime.FastRtcEngine*)",
                  c -> c.getPackageName().equals(RUNTIME)));

  @ArchTest
  static final ArchRule theRuntimeNamesNoDemoClass =
      noClasses()
          .that()
          .resideInAnyPackage(RUNTIME + "..", "io.fastrtc.jakarta.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.fastrtc.jakarta.demo..");
}
