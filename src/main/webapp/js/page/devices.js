/**
 * @fileoverview The stream page's device pickers: microphone and camera
 * choices (names appear once media access is granted) and the voice
 * processing switch, turned into getUserMedia constraints.
 */

/**
 * @param {!Array<!MediaDeviceInfo>} devices what enumerateDevices() listed
 * @param {string} kind 'audioinput' or 'videoinput'
 * @param {string} fallback the name of the default choice
 * @return {!Array<{label: string, value: string}>} the choices, default first
 */
export function deviceChoices(devices, kind, fallback) {
  const options = devices.filter((d) => d.kind === kind && d.deviceId &&
      d.deviceId !== 'default');
  return [{label: fallback, value: ''},
    ...options.map((d, i) => ({label: d.label || `${fallback} ${i + 1}`, value: d.deviceId}))];
}

/**
 * @param {!Array<string>} kinds the stream's track kinds
 * @param {{microphone: string, camera: string, voiceProcessing: boolean}}
 *     chosen the chosen device ids ('' for the default) and switch
 * @return {!MediaStreamConstraints}
 */
export function mediaConstraints(kinds, {microphone, camera, voiceProcessing}) {
  const device = (id) => id ? {deviceId: {exact: id}} : {};
  // Voice processing suits speech; off, music and test tones arrive unchanged.
  const audio = {
    ...device(microphone),
    echoCancellation: voiceProcessing,
    noiseSuppression: voiceProcessing,
    autoGainControl: voiceProcessing,
  };
  return {
    audio: kinds.includes('audio') ? audio : false,
    video: kinds.includes('video') ? (camera ? device(camera) : true) : false,
  };
}

/** The microphone and camera pickers and the voice-processing switch. */
export class DevicePickers {
  /**
   * @param {!HTMLSelectElement} microphone
   * @param {!HTMLInputElement} processing the voice-processing checkbox
   * @param {!HTMLSelectElement} camera
   */
  constructor(microphone, processing, camera) {
    this.microphone = microphone;
    this.processing = processing;
    this.camera = camera;
  }

  /** Fills the pickers, keeping the choices that are still there. */
  async refresh() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return;
    const devices = await navigator.mediaDevices.enumerateDevices();
    const fill = (select, kind, fallback) => {
      const chosen = select.value;
      const choices = deviceChoices(devices, kind, fallback);
      select.replaceChildren(...choices.map((c) => new Option(c.label, c.value)));
      select.value = choices.some((c) => c.value && c.value === chosen) ? chosen : '';
    };
    fill(this.microphone, 'audioinput', 'Default microphone');
    fill(this.camera, 'videoinput', 'Default camera');
  }

  /**
   * @param {!Array<string>} kinds the stream's track kinds
   * @return {!MediaStreamConstraints} the chosen devices
   */
  constraints(kinds) {
    return mediaConstraints(kinds, {
      microphone: this.microphone.value,
      camera: this.camera.value,
      voiceProcessing: this.processing.checked,
    });
  }

  /** @param {boolean} disabled */
  setDisabled(disabled) {
    this.microphone.disabled = disabled;
    this.processing.disabled = disabled;
    this.camera.disabled = disabled;
  }
}
