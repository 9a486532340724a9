/**
 * Integration tests of single sign-on against a real OpenID Connect provider: the build starts the
 * provider (server {@code fastrtcOP}, Open Liberty's openidConnectServer-1.0 on localhost) and the
 * application under the security overlay (server {@code fastrtcSSO}, addressed as 127.0.0.1),
 * outside Arquillian; see the profile {@code secured-it-servers} in pom.xml.
 */
package io.fastrtc.jakarta.it.sso;
