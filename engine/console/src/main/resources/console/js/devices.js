// Devices and their state (GET /api/devices, then the stream's 'device' events).

import { engine } from './state.js';
import { h, fill, kpa, words } from './dom.js';

function channelsText(device) {
  const channels = Array.isArray(device.channels) ? device.channels : [];
  if (channels.length === 0) {
    return '–';
  }
  const most = Math.max(...channels.map((channel) => Number(channel.maxVacuumKpa) || 0));
  return `${channels.length} (up to ${kpa(most)} kPa)`;
}

function row(device) {
  const state = String(device.state || '');
  return h('tr', { dataset: { device: device.id } },
    h('td', {}, device.id),
    h('td', {}, device.name || ''),
    h('td', {}, [device.vendor, device.model].filter(Boolean).join(' ') || device.kind || ''),
    h('td', {}, device.simulated ? 'simulated' : 'real'),
    h('td', {}, channelsText(device)),
    h('td', {}, h('span', { class: 'state state-' + state.toLowerCase() }, words(state))),
    h('td', {}, device.reason || ''));
}

export function mount(container) {
  const body = h('tbody');
  const table = h('table', { id: 'devices-table' },
    h('thead', {}, h('tr', {}, ['Id', 'Name', 'Make', 'Type', 'Channels', 'State', 'Why'].map((t) => h('th', {}, t)))),
    body);
  const empty = h('p', { class: 'muted', hidden: true }, 'No device is connected.');
  container.append(h('section', { class: 'card' }, h('h1', {}, 'Devices'), table, empty,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => engine.refreshDevices() }, 'Refresh'))));

  function render() {
    const list = [...engine.devices.values()];
    fill(body, list.map(row));
    empty.hidden = list.length > 0;
  }
  const listener = (event) => {
    if (event.detail === 'devices') {
      render();
    }
  };
  engine.addEventListener('change', listener);
  render();
  engine.refreshDevices();
  return { destroy: () => engine.removeEventListener('change', listener) };
}
