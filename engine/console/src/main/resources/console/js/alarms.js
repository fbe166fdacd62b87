// Active alarms (GET /api/alarms, then the stream's 'alarm' events): acknowledge one
// (POST /api/alarms/{id}/acknowledge) or, while latched, all (POST /api/alarms/acknowledge).
// The panel is the Alarms screen and also sits under the live session.

import { post, segment } from './api.js';
import { engine } from './state.js';
import { h, fill, when, words } from './dom.js';

function place(alarm) {
  if (!alarm.device) {
    return '';
  }
  return alarm.channel === undefined || alarm.channel === null || alarm.channel < 0
    ? alarm.device : `${alarm.device} channel ${alarm.channel}`;
}

/** The alarm table with its buttons; {element, destroy}. */
export function alarmPanel({ title = 'Alarms', quietWhenEmpty = false } = {}) {
  const body = h('tbody');
  const message = h('p', { class: 'error', role: 'alert' });
  const empty = h('p', { class: 'muted', hidden: true }, 'No active alarm.');
  const allButton = h('button', { type: 'button', class: 'primary ack-all' }, 'Acknowledge all');
  const table = h('table', { class: 'alarms-table' },
    h('thead', {}, h('tr', {}, ['Time', 'Priority', 'Condition', 'Where', 'Message', 'State', ''].map((t) => h('th', {}, t)))),
    body);
  const element = h('section', { class: 'card alarms' }, h('h2', {}, title), table, empty, message,
    h('div', { class: 'actions' }, allButton));

  async function acknowledge(alarm) {
    message.textContent = '';
    try {
      const status = await post(`/api/alarms/${segment(alarm.id)}/acknowledge`);
      engine.putAlarm(status);
      if (status && typeof status.latched !== 'boolean') {
        engine.refreshLatch();
      }
    } catch (error) {
      message.textContent = `Alarm ${alarm.id} not acknowledged: ${error.message}`;
    }
  }

  allButton.addEventListener('click', async () => {
    message.textContent = '';
    try {
      const answer = await post('/api/alarms/acknowledge');
      engine.setLatched(!!(answer && answer.latched));
      engine.refreshAlarms();
    } catch (error) {
      message.textContent = 'Not acknowledged: ' + error.message;
    }
  });

  function row(alarm) {
    const priority = String(alarm.priority || '');
    const waiting = alarm.state === 'RAISED';
    return h('tr', { class: 'priority-' + priority.toLowerCase(), dataset: { alarm: alarm.id, state: alarm.state } },
      h('td', {}, when(alarm.time)),
      h('td', {}, words(priority)),
      h('td', {}, words(alarm.condition)),
      h('td', {}, place(alarm)),
      h('td', {}, alarm.message || ''),
      h('td', {}, words(alarm.state), alarm.acknowledgedBy ? ` by ${alarm.acknowledgedBy}` : ''),
      h('td', {}, waiting && engine.mayControl
        ? h('button', { type: 'button', class: 'ack', onclick: () => acknowledge(alarm) }, 'Acknowledge')
        : ''));
  }

  function render() {
    const list = [...engine.alarms.values()].sort((a, b) => String(a.time).localeCompare(String(b.time)));
    fill(body, list.map(row));
    table.hidden = list.length === 0;
    empty.hidden = list.length > 0 || quietWhenEmpty;
    element.hidden = quietWhenEmpty && list.length === 0 && !engine.latched;
    allButton.hidden = !engine.latched;
    allButton.disabled = !engine.mayControl;
  }
  const listener = (event) => {
    if (event.detail === 'alarms' || event.detail === 'latch' || event.detail === 'user') {
      render();
    }
  };
  engine.addEventListener('change', listener);
  render();
  return { element, destroy: () => engine.removeEventListener('change', listener) };
}

export function mount(container) {
  const panel = alarmPanel({ title: 'Active alarms' });
  panel.element.id = 'alarms-screen';
  container.append(panel.element);
  engine.refreshAlarms();
  return { destroy: panel.destroy };
}
