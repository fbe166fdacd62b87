// Past sessions from the records (GET /api/sessions), newest first, each with its HTML report
// (GET /api/records/{id}/report) and its exports (CSV, JSON).

import { get, segment } from './api.js';
import { h, fill, when, words, clock } from './dom.js';

function links(id) {
  const base = `/api/records/${segment(id)}`;
  return [
    h('a', { href: `${base}/report`, target: '_blank', rel: 'noopener', class: 'report' }, 'Report'), ' ',
    h('a', { href: `${base}/export?format=csv`, download: `${id}.csv` }, 'CSV'), ' ',
    h('a', { href: `${base}/export?format=json`, download: `${id}.json` }, 'JSON'),
  ];
}

function row(summary) {
  return h('tr', { dataset: { session: summary.sessionId } },
    h('td', {}, when(summary.startedAt)),
    h('td', {}, summary.clientId || ''),
    h('td', {}, summary.techniqueId || ''),
    h('td', {}, summary.operator || ''),
    h('td', {}, clock(summary.programSeconds)),
    h('td', {}, words(summary.outcome), summary.reason ? ` (${summary.reason})` : ''),
    h('td', {}, String(summary.alarms ?? '')),
    h('td', {}, links(summary.sessionId)));
}

export function mount(container) {
  const client = h('input', { name: 'client', id: 'records-client', placeholder: 'any client' });
  const limit = h('input', { name: 'limit', id: 'records-limit', type: 'number', min: 1, max: 500, value: 50 });
  const body = h('tbody');
  const message = h('p', { class: 'muted', role: 'status' });
  const form = h('form', { class: 'inline' },
    h('label', {}, 'Client ', client), h('label', {}, 'At most ', limit),
    h('button', { type: 'submit' }, 'Show'));
  container.append(h('section', { class: 'card' }, h('h1', {}, 'Records'), form,
    h('table', { id: 'records-table' },
      h('thead', {}, h('tr', {}, ['Started', 'Client', 'Technique', 'Therapist', 'Length', 'Outcome', 'Alarms', ''].map((t) => h('th', {}, t)))),
      body),
    message));

  let live = true;
  async function load() {
    const query = new URLSearchParams();
    if (client.value.trim()) {
      query.set('client', client.value.trim());
    }
    query.set('limit', String(Math.max(1, Math.min(500, Number(limit.value) || 50))));
    message.textContent = 'Loading…';
    try {
      const list = await get('/api/sessions?' + query.toString());
      if (!live) {
        return;
      }
      fill(body, (list || []).map(row));
      message.textContent = list && list.length ? '' : 'No session recorded yet.';
    } catch (error) {
      message.textContent = 'The records cannot be read: ' + error.message;
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
  return { destroy: () => { live = false; } };
}
