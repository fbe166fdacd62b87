// The live per-cup pressure chart, drawn by Chart.js: for every cup its target (dashed) and what the
// device measures (solid), over the trace's rolling window. The Chart object is window.upwellChart,
// for tests and for anyone curious in the browser's console; each dataset names its cup and kind.

import { trace, WINDOW_SECONDS } from './trace.js';

const PALETTE = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#ad1457'];

export class PressureChart {
  constructor(canvas, sitesByCup) {
    this.sites = sitesByCup || new Map();
    this.pending = false;
    this.chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: false,
        elements: { point: { radius: 0 }, line: { tension: 0 } },
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          // One legend entry per cup (its measured line); the dashed line of the same colour is its target.
          legend: { position: 'bottom', labels: { boxWidth: 18, filter: (item, data) => data.datasets[item.datasetIndex].kind === 'measured' } },
          subtitle: { display: true, text: 'solid: measured · dashed: target', position: 'bottom' },
        },
        scales: {
          x: { type: 'linear', min: 0, max: WINDOW_SECONDS, title: { display: true, text: 'session time (s)' } },
          y: { min: 0, suggestedMax: 40, title: { display: true, text: 'vacuum (kPa)' } },
        },
      },
    });
    window.upwellChart = this.chart;
    this.onReset = () => this.rebuild();
    this.onSample = () => this.schedule();
    trace.addEventListener('reset', this.onReset);
    trace.addEventListener('sample', this.onSample);
    this.rebuild();
  }

  /** The cups' sites for the legend, from the session's snapshot. */
  setSites(sitesByCup) {
    this.sites = sitesByCup;
    this.rebuild();
  }

  rebuild() {
    const datasets = [];
    const cups = [...trace.cups.keys()].sort((a, b) => a - b);
    cups.forEach((cup, index) => {
      const colour = PALETTE[index % PALETTE.length];
      const series = trace.cups.get(cup);
      const name = `cup ${cup}` + (this.sites.get(cup) ? ` ${this.sites.get(cup)}` : '');
      datasets.push({ label: name, cup, kind: 'measured', data: series.measured,
        borderColor: colour, backgroundColor: colour, borderWidth: 2.5 });
      datasets.push({ label: `${name} target`, cup, kind: 'target', data: series.target,
        borderColor: colour, backgroundColor: colour, borderWidth: 1.2, borderDash: [6, 4] });
    });
    this.chart.data.datasets = datasets;
    this.draw();
  }

  /** At most one redraw a frame, however fast samples come. */
  schedule() {
    if (!this.pending) {
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.draw();
      });
    }
  }

  draw() {
    const x = this.chart.options.scales.x;
    x.max = Math.max(WINDOW_SECONDS, trace.latest);
    x.min = x.max - WINDOW_SECONDS;
    this.chart.update('none');
  }

  destroy() {
    trace.removeEventListener('reset', this.onReset);
    trace.removeEventListener('sample', this.onSample);
    this.chart.destroy();
    if (window.upwellChart === this.chart) {
      window.upwellChart = null;
    }
  }
}
