/**
 * @fileoverview A small line plot of the page's live statistics.
 */

/**
 * A small line plot on a canvas, scaled to its largest value; the latest
 * value is written beside it (the text is what screen readers get).
 */
export class Sparkline {
  /**
   * @param {!HTMLCanvasElement} canvas
   * @param {!HTMLElement} valueText where the latest value goes
   * @param {{unit: string, digits: (number|undefined), minScale: number,
   *     colors: !Array<string>}} options one colour per series
   */
  constructor(canvas, valueText, {unit, digits = 0, minScale, colors}) {
    this.canvas = canvas;
    this.valueText = valueText;
    this.unit = unit;
    this.digits = digits;
    this.minScale = minScale;
    this.colors = colors;
  }

  /**
   * Draws the series and shows the latest values.
   * @param {!Array<!Array<?number>>} series one array of samples per colour
   * @param {!Array<string>=} names labels of the series in the value text
   */
  draw(series, names = []) {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 240;
    const height = canvas.clientHeight || 48;
    if (canvas.width !== width * ratio) canvas.width = width * ratio;
    if (canvas.height !== height * ratio) canvas.height = height * ratio;
    const context = canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const values = series.flat().filter((v) => typeof v === 'number');
    const top = Math.max(this.minScale, ...values) * 1.1;
    context.strokeStyle = '#c5cbd3';
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(0, height - 0.5);
    context.lineTo(width, height - 0.5);
    context.stroke();
    series.forEach((samples, index) => {
      context.strokeStyle = this.colors[index % this.colors.length];
      context.lineWidth = 2;
      context.beginPath();
      let drawing = false;
      const step = width / Math.max(1, samples.length - 1);
      samples.forEach((value, i) => {
        if (typeof value !== 'number') {
          drawing = false;
          return;
        }
        const x = i * step;
        const y = height - 1 - (height - 2) * value / top;
        if (drawing) {
          context.lineTo(x, y);
        } else {
          context.moveTo(x, y);
          drawing = true;
        }
      });
      context.stroke();
    });
    const latest = series.map((samples) => samples[samples.length - 1]);
    this.valueText.textContent = latest.map((value, i) => {
      const text = typeof value === 'number' ?
          `${value.toFixed(this.digits)} ${this.unit}` : 'n/a';
      return names[i] ? `${names[i]} ${text}` : text;
    }).join(', ');
  }
}
