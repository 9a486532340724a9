/**
 * A test kit for handler unit tests, shipped with the library (in the spirit of OkHttp's
 * MockWebServer and Javalin's test tools): {@link io.fastrtc.jakarta.testkit.HandlerTester} runs a
 * handler as the runtime does, without a server, a network or libwebrtc, and {@link
 * io.fastrtc.jakarta.testkit.FakeStreamContext} records what the handler sends. Depends on the API
 * only; independent of any test framework (failures are {@link AssertionError}s).
 *
 * <pre>{@code
 * try (HandlerTester tester = HandlerTester.start(new EchoHandler())) {
 *   AudioFrame frame = AudioFrame.mono(48_000, new short[960]);
 *   tester.send(frame);
 *   tester.assertAudio(frame);
 * }
 * }</pre>
 */
package io.fastrtc.jakarta.testkit;
