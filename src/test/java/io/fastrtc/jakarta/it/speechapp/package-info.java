/**
 * A stream that uses speech-to-text, for {@code SpeechDeploymentIT}: a WAR with it and a bad model
 * folder must fail to deploy, and with it switched off must deploy.
 */
package io.fastrtc.jakarta.it.speechapp;
