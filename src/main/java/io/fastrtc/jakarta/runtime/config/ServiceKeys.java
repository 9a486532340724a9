package io.fastrtc.jakarta.runtime.config;

/**
 * The keys of the socket message policy, the telephone, the bundled pages, drains and speech.
 * Declared here in full; {@link ConfigKey} stays the one registry, with a constant of the same name
 * for each and all of them in {@link ConfigKey#all()}. Only {@code ConfigKey} refers to this class
 * (ConfigKeyHoldersTest), so this class is always initialised from within {@code ConfigKey}'s own
 * initialisation, never before it.
 */
final class ServiceKeys {
  private ServiceKeys() {}

  /** The socket message policy: messages per second. */
  static final ConfigKey SOCKET_MAX_MESSAGES_PER_SECOND =
      new ConfigKey(
          "fastrtc.socket.max-messages-per-second",
          "integer, 1 to 100000",
          "`200`",
          "text and binary messages per second one WebSocket (`/websocket/offer`,"
              + " `/telephone/handler`) may send, averaged over a second; a flood is told why and"
              + " closed with 1008");

  /** The socket message policy: characters per second. */
  static final ConfigKey SOCKET_MAX_CHARS_PER_SECOND =
      new ConfigKey(
          "fastrtc.socket.max-chars-per-second",
          "integer, 1 to 1073741824",
          "`1048576`",
          "characters of text per second one WebSocket may send, averaged over a second (48 kHz"
              + " µ-law in base64 is 64,000); beyond, 1008 as above");

  /** The socket message policy: the longest message. */
  static final ConfigKey SOCKET_MAX_MESSAGE_CHARS =
      new ConfigKey(
          "fastrtc.socket.max-message-chars",
          "integer, 1 to 67108864",
          "`262144`",
          "the longest WebSocket text message handled; a longer one is answered `message too"
              + " large` and ignored");

  /** The public URL of the application, for Twilio. */
  static final ConfigKey TELEPHONE_PUBLIC_URL =
      new ConfigKey(
          "fastrtc.telephone.public-url",
          "URL",
          "none",
          "the public URL of the application root, e.g. `https://voice.example.com`; Twilio's"
              + " Media Stream URL is built from it");

  /** Switches the bundled pages of the classes jar on or off in an embedding application. */
  static final ConfigKey UI_ENABLED =
      new ConfigKey(
          "fastrtc.ui.enabled",
          "boolean",
          "`true`",
          "serves the bundled pages that `fastrtc-classes.jar` carries (stream list, stream pages,"
              + " `js/fastrtc-client.js`) in an application that embeds it; `false` answers 404"
              + " there instead");

  /** Where an embedding application serves the bundled pages of the classes jar. */
  static final ConfigKey UI_PATH =
      new ConfigKey(
          "fastrtc.ui.path",
          "path",
          "`/fastrtc`",
          "where an application that embeds `fastrtc-classes.jar` serves its bundled pages, e.g."
              + " `/tools/rtc` (not `/`); the default location then answers 404");

  /** How long a drain lets live connections go on before it closes them. */
  static final ConfigKey DRAIN_DEADLINE =
      new ConfigKey(
          "fastrtc.drain.deadline-seconds",
          "seconds",
          "`30`",
          "how long `POST /api/drain` lets live connections go on (unless its body says"
              + " `deadline_seconds`) before they are closed");

  /** How long a server stop drains before it closes the live connections. */
  static final ConfigKey DRAIN_ON_STOP =
      new ConfigKey(
          "fastrtc.drain.stop-seconds",
          "seconds",
          "`10`",
          "how long stopping the server or the application with live connections drains first:"
              + " new connections are refused, live ones may end by themselves, then the rest are"
              + " closed; a stop with none live is not delayed; `0` closes at once; keep it below"
              + " the orchestrator's grace period (Kubernetes: 30 s by default)");

  /** The text-to-speech engine behind the unqualified {@code TextToSpeech} bean. */
  static final ConfigKey SPEECH_TTS =
      new ConfigKey(
          "fastrtc.speech.tts",
          "`freetts` or `flite`",
          "`freetts`",
          "the text-to-speech engine `@Inject TextToSpeech` gets: FreeTTS kevin16 (pure Java) or"
              + " Debian's `flite` (slt voice, needs the package); an application's own"
              + " `@Alternative` bean wins");

  /** The speech-to-text engine behind the unqualified {@code SpeechToText} bean. */
  static final ConfigKey SPEECH_STT =
      new ConfigKey(
          "fastrtc.speech.stt",
          "`vosk` or `none`",
          "`vosk`",
          "the speech-to-text engine `@Inject SpeechToText` gets: Vosk (needs"
              + " `fastrtc.speech.vosk.model`, checked at deployment when a stream uses it) or none"
              + " (a stream that injects it fails the deployment); an application's own bean wins");

  /**
   * The folder of the Vosk speech-to-text model. Read by {@code handlers.speech.vosk} itself
   * (handlers do not depend on the runtime); declared here with the others for the documentation.
   */
  static final ConfigKey SPEECH_VOSK_MODEL =
      new ConfigKey(
          "fastrtc.speech.vosk.model",
          "path",
          "none (`mvn liberty:run` and the tests: `target/vosk/model-en-us`)",
          "the folder of the Vosk model the built-in `SpeechToText` loads on first use (the one"
              + " holding `am/`, `conf/`, `graph/`); unset or unreadable, an application whose"
              + " streams use speech-to-text fails to deploy, saying what to add"
              + " (`docs/voice-agents.md`)");
}
