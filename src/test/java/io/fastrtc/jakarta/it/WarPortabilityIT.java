package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Deployments;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR (the file {@code mvn package} built, which both Liberty and Payara run) depends
 * on no Liberty-only API or descriptor. No server needed; it runs with the ITs because the WAR
 * exists only after {@code package}.
 */
class WarPortabilityIT {

  @Test
  void thePackagedWarUsesNoLibertyOnlyApiOrDescriptor() throws Exception {
    Path war = Path.of(System.getProperty(Deployments.WAR_PROPERTY, "target/fastrtc.war"));
    try (InputStream in = Files.newInputStream(war)) {
      List<String> findings = LibertyOnlyScan.findings(in);
      System.out.println(
          "scanned "
              + war
              + ": "
              + findings.size()
              + " findings; allowed "
              + LibertyOnlyScan.ALLOWED);
      assertThat(findings).as("Liberty-only references in " + war).isEmpty();
    }
  }
}
