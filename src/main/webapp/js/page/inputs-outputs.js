/**
 * @fileoverview Additional inputs and outputs for the bundled page: input
 * controls generated from a stream's metadata (GET api/streams), whose values
 * the page sends with the client's sendInputs (FastRTC's `POST
 * <base>/input_hook`), and an outputs panel showing the client's `output`
 * events (the `GET <base>/outputs?webrtc_id=` Server-Sent Events stream).
 *
 * Widgets come from the metadata's `widget`: slider (a number with min and
 * max), number, text, checkbox and select (enums).
 */

/**
 * Builds one labelled control per input.
 * @param {!HTMLElement} container emptied first
 * @param {!Array<!Object>} inputs the stream metadata's `inputs`
 * @param {function(string, *)} onChange called with (name, value)
 */
export function renderInputs(container, inputs, onChange) {
  container.replaceChildren(...inputs.map((input) => {
    const row = document.createElement('div');
    row.className = 'input-row';
    const id = `input-${input.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = input.label || input.name;
    const control = createControl(input);
    control.id = id;
    control.name = input.name;
    control.dataset.input = input.name;
    const shown = document.createElement('output');
    shown.htmlFor = id;
    const show = () => {
      shown.textContent = input.widget === 'slider' ? control.value : '';
    };
    show();
    const eventName = input.widget === 'text' ? 'change' : 'input';
    control.addEventListener(eventName, () => {
      show();
      onChange(input.name, readControl(control, input));
    });
    if (input.description) control.title = input.description;
    row.append(label, control, shown);
    return row;
  }));
}

/**
 * @param {!Object} input one input of the metadata
 * @return {!HTMLElement} the control, holding the input's default
 */
function createControl(input) {
  if (input.widget === 'select') {
    const select = document.createElement('select');
    select.append(...(input.options || []).map((o) => new Option(o, o)));
    select.value = input.default;
    return select;
  }
  const field = document.createElement('input');
  switch (input.widget) {
    case 'checkbox':
      field.type = 'checkbox';
      field.checked = Boolean(input.default);
      return field;
    case 'text':
      field.type = 'text';
      if (input.maxLength !== undefined) field.maxLength = input.maxLength;
      break;
    default:  // slider, number
      field.type = input.widget === 'slider' ? 'range' : 'number';
      if (input.min !== undefined) field.min = input.min;
      if (input.max !== undefined) field.max = input.max;
      field.step = input.step || (input.type === 'integer' ? 1 : 'any');
      if (field.type === 'range' && field.step === 'any') {
        field.step = (Number(input.max) - Number(input.min)) / 100;
      }
  }
  field.value = input.default ?? '';
  return field;
}

/**
 * @param {!HTMLElement} control
 * @param {!Object} input
 * @return {*} the control's value as the input's JSON type
 */
function readControl(control, input) {
  if (input.widget === 'checkbox') return control.checked;
  if (input.type === 'integer' || input.type === 'number') {
    return control.value === '' ? null : Number(control.value);
  }
  return control.value;
}

/**
 * Reads every control's current value.
 * @param {!HTMLElement} container
 * @param {!Array<!Object>} inputs
 * @return {!Object<string, *>} name -> value
 */
export function currentValues(container, inputs) {
  const values = {};
  for (const input of inputs) {
    const control = container.querySelector(`[data-input="${input.name}"]`);
    if (control) values[input.name] = readControl(control, input);
  }
  return values;
}

/**
 * Turns a refused input-hook answer into one readable line.
 * @param {*} body e.g. {meta: {errors: [{field, message}]}}
 * @return {string} e.g. 'threshold must be less than or equal to 1'
 */
export function describeInputErrors(body) {
  const meta = body && body.meta;
  if (meta && Array.isArray(meta.errors)) {
    return meta.errors.map((e) => `${e.field} ${e.message}`).join('; ');
  }
  return meta && (meta.detail || meta.error) || 'the inputs were refused';
}

/** Shows a stream's outputs: each declared output by its kind. */
export class OutputsView {
  /**
   * @param {!HTMLElement} container emptied first
   * @param {!Array<{name: string, kind: string, label: string}>} outputs
   */
  constructor(container, outputs) {
    this.container = container;
    this.outputs = outputs;
    /** @type {!Array<!HTMLElement>} one element per declared output */
    this.slots = [];
    container.replaceChildren();
    outputs.forEach((output) => this.slot_(output.label || output.name, output.kind));
  }

  /**
   * Shows one output event: value i goes to declared output i (extra values
   * get a JSON slot of their own).
   * @param {!Array<*>} values
   */
  show(values) {
    values.forEach((value, i) => {
      const kind = i < this.outputs.length ? this.outputs[i].kind : 'json';
      const slot = this.slots[i] || this.slot_(`output ${i + 1}`, kind);
      if (kind === 'log') {
        if (value === null || value === undefined) return;
        const line = document.createElement('li');
        line.textContent = String(value);
        slot.append(line);
        line.scrollIntoView({block: 'nearest'});
      } else if (kind === 'json') {
        slot.textContent = JSON.stringify(value, null, 2);
      } else {
        slot.textContent = typeof value === 'object' ? JSON.stringify(value) :
                                                        String(value);
      }
    });
  }

  /**
   * @param {string} label
   * @param {string} kind value, log or json
   * @return {!HTMLElement}
   */
  slot_(label, kind) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    const slot = document.createElement(
        kind === 'log' ? 'ol' : kind === 'json' ? 'pre' : 'output');
    slot.className = `output-${kind}`;
    slot.dataset.output = String(this.slots.length);
    detail.append(slot);
    this.container.append(term, detail);
    this.slots.push(slot);
    return slot;
  }
}
