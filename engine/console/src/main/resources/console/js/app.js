// The console's frame: who is logged in, the navigation between screens (#/live, #/start,
// #/devices, #/alarms, #/records), the stream's status and the alarm count. Each screen is a module
// with mount(container) that returns {destroy()}.

import { get } from './api.js';
import { engine } from './state.js';
import { openStream, closeStream } from './stream.js';
import { fill, h } from './dom.js';
import { showLogin, logout } from './login.js';
import './trace.js'; // keeps the live session's pressures whichever screen is showing
import * as live from './live.js';
import * as start from './start.js';
import * as devices from './devices.js';
import * as alarms from './alarms.js';
import * as records from './records.js';

const screens = { live, start, devices, alarms, records };
const main = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const logoutButton = document.getElementById('logout');
const streamStatus = document.getElementById('stream-status');
const alarmCount = document.getElementById('alarm-count');

let mounted = null;

function screenName() {
  const name = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return screens[name] ? name : 'live';
}

function route() {
  if (!engine.user) {
    return;
  }
  if (mounted) {
    mounted.destroy();
  }
  const name = screenName();
  for (const link of nav.querySelectorAll('a')) {
    link.classList.toggle('current', link.dataset.view === name);
  }
  main.replaceChildren();
  document.body.dataset.screen = name;
  mounted = screens[name].mount(main);
}

function showFrame(loggedIn) {
  nav.hidden = !loggedIn;
  who.hidden = !loggedIn;
  logoutButton.hidden = !loggedIn;
  streamStatus.hidden = !loggedIn;
}

function loggedIn(user) {
  engine.setUser(user);
  fill(who, user.user, ' ', h('span', { class: 'role' }, String(user.role || '').toLowerCase()));
  showFrame(true);
  openStream();
  engine.refreshAll();
  route();
}

function loggedOut(notice) {
  if (mounted) {
    mounted.destroy();
    mounted = null;
  }
  closeStream();
  engine.setUser(null);
  showFrame(false);
  document.body.dataset.screen = 'login';
  showLogin(main, loggedIn, notice);
}

logoutButton.addEventListener('click', async () => {
  await logout();
  loggedOut('You are logged out.');
});

window.addEventListener('upwell:unauthenticated', () => {
  if (engine.user) {
    loggedOut('Your login has ended; please log in again.');
  }
});

window.addEventListener('hashchange', route);

engine.addEventListener('change', (event) => {
  if (event.detail === 'stream') {
    const text = { live: 'live', connecting: 'reconnecting…', closed: 'not connected' }[engine.stream];
    streamStatus.textContent = text;
    streamStatus.className = 'stream ' + engine.stream;
  } else if (event.detail === 'alarms') {
    const waiting = [...engine.alarms.values()].filter((alarm) => alarm.state === 'RAISED').length;
    alarmCount.textContent = String(waiting);
    alarmCount.hidden = waiting === 0;
  }
});

async function begin() {
  try {
    const me = await get('/api/me');
    loggedIn(me);
  } catch (error) {
    if (error.status === 401) {
      loggedOut();
    } else {
      fill(main, h('p', { class: 'error' }, 'The engine did not answer: ' + error.message),
        h('button', { type: 'button', onclick: () => location.reload() }, 'Try again'));
    }
  }
}

begin();
