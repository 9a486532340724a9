package io.fastrtc.jakarta.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer arrows of design.md: api ← handlers ← demo, api ← runtime ← web, and api ← testkit
 * (which nothing in main code uses).
 */
@AnalyzeClasses(
    packages = "io.fastrtc.jakarta",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("api")
          .definedBy("io.fastrtc.jakarta.api..")
          .layer("handlers")
          .definedBy("io.fastrtc.jakarta.handlers..")
          .layer("runtime")
          .definedBy("io.fastrtc.jakarta.runtime..")
          .layer("web")
          .definedBy("io.fastrtc.jakarta.web..")
          .layer("demo")
          .definedBy("io.fastrtc.jakarta.demo..")
          .layer("testkit")
          .definedBy("io.fastrtc.jakarta.testkit..")
          .whereLayer("testkit")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("web")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("demo")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("runtime")
          .mayOnlyBeAccessedByLayers("web")
          .whereLayer("handlers")
          .mayOnlyBeAccessedByLayers("demo")
          .whereLayer("api")
          .mayOnlyBeAccessedByLayers("handlers", "runtime", "web", "demo", "testkit");

  @ArchTest
  static final ArchRule apiDependsOnNothingElseOfOurs =
      classes()
          .that()
          .resideInAPackage("io.fastrtc.jakarta.api..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("io.fastrtc.jakarta.api..")
                  .or(resideOutsideOfPackage("io.fastrtc.jakarta..")));

  @ArchTest
  static final ArchRule testkitUsesOnlyTheApiAndTheJdk =
      classes()
          .that()
          .resideInAPackage("io.fastrtc.jakarta.testkit..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.fastrtc.jakarta.testkit..", "io.fastrtc.jakarta.api..", "java..");

  @ArchTest
  static final ArchRule apiLeaksNoTransport =
      noClasses()
          .that()
          .resideInAPackage("io.fastrtc.jakarta.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.onvoid.webrtc..", "jakarta.websocket..", "jakarta.ws.rs..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule onlyRuntimeWebRtcTouchesLibwebrtc =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fastrtc.jakarta.runtime.webrtc..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.onvoid.webrtc..");

  @ArchTest
  static final ArchRule onlyTheSileroPackageTouchesOnnxRuntime =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fastrtc.jakarta.handlers.turn.silero..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.onnxruntime..");

  @ArchTest
  static final ArchRule onlyTheRedisClusterPackageTouchesLettuce =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fastrtc.jakarta.runtime.cluster.redis..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.lettuce..", "io.netty..", "reactor..");

  @ArchTest
  static final ArchRule theClusterSeamKnowsNoConnectionNorTransport =
      noClasses()
          .that()
          .resideInAPackage("io.fastrtc.jakarta.runtime.cluster..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.fastrtc.jakarta.runtime.connection..",
              "io.fastrtc.jakarta.runtime.webrtc..",
              "io.fastrtc.jakarta.runtime.socket..",
              "jakarta..");

  static final ArchRule onlyTheFreeTtsPackageTouchesFreeTts =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fastrtc.jakarta.handlers.speech.freetts..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.sun.speech.freetts..");

  @ArchTest
  static final ArchRule onlyTheVoskPackageTouchesVosk =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fastrtc.jakarta.handlers.speech.vosk..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.vosk..", "com.sun.jna..");

  @ArchTest
  static final ArchRule handlersAndDemoUseOnlyTheApi =
      noClasses()
          .that()
          .resideInAnyPackage("io.fastrtc.jakarta.handlers..", "io.fastrtc.jakarta.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fastrtc.jakarta.runtime..", "io.fastrtc.jakarta.web..");
}
