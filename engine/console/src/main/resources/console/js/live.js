// The live session: state, time, intensity (−/+), pause, resume, stop, the pressure chart and every
// cup's figures. After the session stops, ends or pauses the engine no longer streams samples, so
// the screen asks for the snapshot until every cup reads vented.

import { get, post, put, segment } from './api.js';
import { engine } from './state.js';
import { h, fill, kpa, clock, words, siteText } from './dom.js';
import { PressureChart } from './pressure-chart.js';
import { alarmPanel } from './alarms.js';
import { vocabulary } from './vocabulary.js';

/** At or below this a cup holds no vacuum worth the name (the engine's own leak tolerance is 2 kPa). */
export const VENTED_KPA = 1.0;
const VENT_POLL_MS = 500;
const VENT_POLL_LIMIT_MS = 60000;

function cupStatus(cup, session) {
  const measured = typeof cup.measuredKpa === 'number' ? cup.measuredKpa : null;
  const applying = session.state === 'RUNNING' && cup.targetKpa > 0;
  if (measured === null) {
    return { text: 'no reading', kind: 'unknown' };
  }
  if (!applying && measured <= VENTED_KPA) {
    return { text: 'vented', kind: 'vented' };
  }
  if (!applying) {
    return { text: 'venting', kind: 'venting' };
  }
  return { text: 'vacuum', kind: 'vacuum' };
}

export function mount(container) {
  const title = h('h1', {}, 'Session');
  const stateBadge = h('span', { id: 'session-state', class: 'state' });
  const reason = h('p', { id: 'session-reason', class: 'muted' });
  const times = h('span', { id: 'session-time', class: 'big' });
  const intensityValue = h('span', { id: 'intensity-value', class: 'big' });
  const less = h('button', { type: 'button', id: 'intensity-down', class: 'round', title: 'Less intensity' }, '−');
  const more = h('button', { type: 'button', id: 'intensity-up', class: 'round', title: 'More intensity' }, '+');
  const pause = h('button', { type: 'button', id: 'session-pause' }, 'Pause');
  const resume = h('button', { type: 'button', id: 'session-resume' }, 'Resume');
  const stop = h('button', { type: 'button', id: 'session-stop', class: 'warn' }, 'Stop');
  const message = h('p', { id: 'session-message', class: 'error', role: 'alert' });
  const canvas = h('canvas', { id: 'pressure-chart', role: 'img', 'aria-label': 'Pressure per cup over time' });
  const cupsBody = h('tbody');
  const none = h('div', { class: 'card', hidden: true },
    h('p', {}, 'No session has run since the engine started.'),
    h('p', {}, h('a', { href: '#/start', class: 'button primary' }, 'Start a session')));
  const panel = h('div', { id: 'live-session' },
    h('section', { class: 'card' },
      h('div', { class: 'row' }, title, stateBadge),
      reason,
      h('div', { class: 'controls' },
        h('div', { class: 'figure' }, h('span', { class: 'label' }, 'Time'), times),
        h('div', { class: 'figure' }, h('span', { class: 'label' }, 'Intensity'),
          h('span', { class: 'stepper' }, less, intensityValue, more)),
        h('div', { class: 'buttons' }, pause, resume, stop)),
      message),
    h('section', { class: 'card' }, h('div', { class: 'chart-box' }, canvas)),
    h('section', { class: 'card scroll' },
      h('table', { id: 'cups-table' },
        h('thead', {}, h('tr', {}, ['Cup', 'Site', 'Device', 'Target kPa', 'Measured kPa', 'Peak kPa', 'Limit kPa', 'Phase', 'Cup is'].map((t) => h('th', {}, t)))),
        cupsBody)));
  const alarms = alarmPanel({ title: 'Alarms', quietWhenEmpty: true });
  container.append(none, panel, alarms.element);

  const chart = new PressureChart(canvas);
  let limits = { min: 10, max: 150, step: 10 };
  vocabulary().then((words) => { limits = words.intensity || limits; render(); }).catch(() => {});

  let shownSession = null;
  let ventPoll = null;
  let ventPollStarted = 0;
  let busy = false;

  function session() {
    return engine.session;
  }

  async function command(action) {
    const current = session();
    if (!current || busy) {
      return;
    }
    busy = true;
    message.textContent = '';
    render();
    try {
      const snapshot = await action(current);
      if (snapshot && snapshot.id) {
        engine.setSession(snapshot);
      } else {
        await engine.refreshSession();
      }
    } catch (error) {
      message.textContent = error.message;
    } finally {
      busy = false;
      render();
    }
  }

  pause.addEventListener('click', () => command((s) => post(`/api/sessions/${segment(s.id)}/pause`)));
  resume.addEventListener('click', () => command((s) => post(`/api/sessions/${segment(s.id)}/resume`)));
  stop.addEventListener('click', () => command((s) => post(`/api/sessions/${segment(s.id)}/stop`)));
  const step = (direction) => command(async (s) => {
    const wanted = Math.max(limits.min, Math.min(limits.max, (Number(s.intensity) || 100) + direction * limits.step));
    const answer = await put(`/api/sessions/${segment(s.id)}/intensity`, { percent: wanted });
    s.intensity = answer && typeof answer.intensity === 'number' ? answer.intensity : wanted;
    return null;
  });
  less.addEventListener('click', () => step(-1));
  more.addEventListener('click', () => step(+1));

  function renderCups(current) {
    fill(cupsBody, (current.cups || []).map((cup) => {
      const status = cupStatus(cup, current);
      return h('tr', { dataset: { cup: cup.cup, vented: String(status.kind === 'vented') } },
        h('td', {}, String(cup.cup)),
        h('td', {}, siteText(cup.site)),
        h('td', {}, `${cup.device ?? ''} ${cup.channel ?? ''}`),
        h('td', { class: 'num' }, kpa(cup.targetKpa)),
        h('td', { class: 'num measured' }, kpa(cup.measuredKpa)),
        h('td', { class: 'num' }, kpa(cup.peakKpa)),
        h('td', { class: 'num' }, kpa(cup.limitKpa)),
        h('td', {}, words(cup.phase)),
        h('td', {}, h('span', { class: 'cup-status ' + status.kind }, status.text)));
    }));
  }

  function render() {
    const current = session();
    none.hidden = !!current;
    panel.hidden = !current;
    if (!current) {
      return;
    }
    if (shownSession !== current.id) {
      shownSession = current.id;
      chart.setSites(new Map((current.cups || []).map((cup) => [cup.cup, siteText(cup.site)])));
    }
    const state = String(current.state || '');
    title.textContent = `${current.technique || 'Session'} · ${current.id}`;
    stateBadge.textContent = words(state);
    stateBadge.className = 'state state-' + state.toLowerCase();
    stateBadge.dataset.state = state;
    reason.textContent = current.reason || '';
    times.textContent = `${clock(current.elapsedSeconds)} / ${clock(current.plannedSeconds)}`;
    intensityValue.textContent = `${current.intensity ?? '–'} %`;
    const control = engine.mayControl && !busy;
    const running = state === 'RUNNING';
    const paused = state === 'PAUSED';
    pause.disabled = !control || !running;
    resume.disabled = !control || !paused || engine.latched;
    stop.disabled = !control || !(running || paused);
    less.disabled = !control || !running || current.intensity <= limits.min;
    more.disabled = !control || !running || current.intensity >= limits.max;
    renderCups(current);
    watchVenting(current);
  }

  /** Not streaming any more but not yet vented: ask for the snapshot until every cup is. */
  function watchVenting(current) {
    const streaming = current.state === 'RUNNING' || current.state === 'STOPPING';
    const venting = (current.cups || []).some((cup) => cupStatus(cup, current).kind === 'venting');
    if (streaming || !venting) {
      clearInterval(ventPoll);
      ventPoll = null;
      return;
    }
    if (ventPoll) {
      if (Date.now() - ventPollStarted > VENT_POLL_LIMIT_MS) {
        clearInterval(ventPoll);
      }
      return;
    }
    ventPollStarted = Date.now();
    ventPoll = setInterval(async () => {
      try {
        const fresh = await get(`/api/sessions/${segment(current.id)}`);
        if (engine.session && engine.session.id === fresh.id) {
          engine.setSession(fresh); // trace.js puts its figures on the chart
        }
      } catch (ignored) {
        // the next attempt, or the stream, will tell
      }
    }, VENT_POLL_MS);
  }

  const listener = (event) => {
    const what = event.detail;
    if (what === 'session' || what === 'latch' || what === 'user' || (what && what.sample)) {
      render();
    }
  };
  engine.addEventListener('change', listener);
  render();
  engine.refreshSession();

  return {
    destroy() {
      engine.removeEventListener('change', listener);
      clearInterval(ventPoll);
      chart.destroy();
      alarms.destroy();
    },
  };
}
