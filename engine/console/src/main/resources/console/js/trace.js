// The live session's recent pressures, per cup, kept from the stream's samples whichever screen is
// showing: the last WINDOW_SECONDS of session time, as points {x: seconds, y: kPa} the chart draws.

import { engine } from './state.js';

export const WINDOW_SECONDS = 60;

class Trace extends EventTarget {
  constructor() {
    super();
    this.session = null;
    this.cups = new Map(); // cup number -> {target: [], measured: []}
    this.latest = 0;
    this.sampledAt = null; // performance.now() of the last streamed sample
    this.sampledX = 0;
  }

  reset(session) {
    this.session = session;
    this.cups = new Map();
    this.latest = 0;
    this.sampledAt = null;
    this.sampledX = 0;
    this.dispatchEvent(new CustomEvent('reset'));
  }

  series(cup) {
    let series = this.cups.get(cup);
    if (!series) {
      series = { target: [], measured: [] };
      this.cups.set(cup, series);
      this.dispatchEvent(new CustomEvent('reset'));
    }
    return series;
  }

  add(sample) {
    if (sample.session !== this.session) {
      this.reset(sample.session);
    }
    const x = Number(sample.elapsedSeconds);
    if (!Number.isFinite(x)) {
      return;
    }
    this.sampledAt = performance.now();
    this.sampledX = x;
    this.put(x, sample.cups);
  }

  /**
   * A snapshot asked for when no samples come: after a stop, a pause or an emergency stop the
   * session's clock no longer moves, so its figures go on at the time passed since the last sample
   * (the chart shows the cups venting); while the stream is away, at the session's own time.
   */
  addSnapshot(snapshot) {
    if (!snapshot || !snapshot.id) {
      return;
    }
    if (snapshot.id !== this.session) {
      this.reset(snapshot.id);
    }
    const x = this.sampledAt === null
      ? Number(snapshot.elapsedSeconds)
      : this.sampledX + (performance.now() - this.sampledAt) / 1000;
    if (Number.isFinite(x) && x > this.latest) {
      this.put(x, snapshot.cups);
    }
  }

  put(x, cups) {
    this.latest = x;
    const oldest = x - WINDOW_SECONDS;
    for (const cup of cups || []) {
      const series = this.series(cup.cup);
      series.target.push({ x, y: number(cup.targetKpa) });
      series.measured.push({ x, y: number(cup.measuredKpa) });
      trim(series.target, oldest);
      trim(series.measured, oldest);
    }
    this.dispatchEvent(new CustomEvent('sample'));
  }
}

function number(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Drops points older than `oldest`, in place (the chart holds these very arrays). */
function trim(points, oldest) {
  let drop = 0;
  while (drop < points.length && points[drop].x < oldest) {
    drop++;
  }
  if (drop > 0) {
    points.splice(0, drop);
  }
}

export const trace = new Trace();

/** Whether samples are arriving for the session: the stream is live and the session's clock runs. */
function sampling(session) {
  return engine.stream === 'live' && (session.state === 'RUNNING' || session.state === 'STOPPING');
}

engine.addEventListener('change', (event) => {
  if (event.detail && event.detail.sample) {
    trace.add(event.detail.sample);
  } else if (event.detail === 'session' && engine.session && !sampling(engine.session)) {
    trace.addSnapshot(engine.session);
  }
});
