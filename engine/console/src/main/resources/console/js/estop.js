// The EMERGENCY STOP button, on every screen. One click sends POST /api/emergency-stop at once: no
// confirmation, no dependence on the live stream or on any other script of the page (this module is
// loaded on its own). The engine vents every cup and latches; the page then shows the latch. A stop
// that did not reach the engine says so plainly, so that the therapist uses the device's own stop.

import { post } from './api.js';
import { engine } from './state.js';
import './latch.js';

const button = document.getElementById('estop');
const status = document.getElementById('estop-status');
const ATTEMPTS = 3;

function say(text, kind) {
  status.textContent = text;
  status.className = 'estop-status ' + kind;
  status.hidden = false;
}

async function emergencyStop() {
  button.classList.add('pressed');
  say('Emergency stop sent…', 'pending');
  let failure = null;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const answer = await post('/api/emergency-stop');
      engine.setLatched(!answer || answer.latched !== false);
      say('EMERGENCY STOP received: every cup is vented and the engine is latched. Acknowledge the alarm before the next session.', 'done');
      engine.refreshSession();
      engine.refreshAlarms();
      return;
    } catch (error) {
      failure = error;
      if (error.status !== 0) {
        break; // the engine answered: asking again would get the same answer
      }
    }
  }
  const why = failure.status === 401
    ? 'you are not logged in'
    : failure.status === 0 ? 'the engine cannot be reached' : failure.message;
  say(`EMERGENCY STOP NOT CONFIRMED (${why}). Use the device's own stop now.`, 'failed');
}

button.addEventListener('click', () => {
  emergencyStop().finally(() => button.classList.remove('pressed'));
});
button.disabled = false;

// Once the latch is acknowledged the stop's notice has done its work.
engine.addEventListener('change', (event) => {
  if (event.detail === 'latch' && !engine.latched && status.classList.contains('done')) {
    status.hidden = true;
  }
});
