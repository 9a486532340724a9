/**
 * A user's own application that reuses FastRTC from its jar (docs/embedding.md): one handler bean
 * with typed inputs and an output, and one custom JAX-RS route that sets inputs and reads outputs
 * through {@link io.fastrtc.jakarta.api.StreamConnections}. Deployed by {@code EmbeddedAppIT} as
 * its own WAR beside nothing but {@code fastrtc-classes.jar} and webrtc-java.
 */
package io.fastrtc.jakarta.it.embedded;
