// The latch banner: shown while an emergency stop or a fault waits for acknowledgement, with the
// button that acknowledges every alarm (POST /api/alarms/acknowledge). Acknowledging never resumes
// anything.

import { post } from './api.js';
import { engine } from './state.js';

const banner = document.getElementById('latch');
const acknowledgeAll = document.getElementById('ack-all');
const message = document.getElementById('latch-message');

function show() {
  banner.hidden = !engine.latched;
  document.body.classList.toggle('latched', engine.latched);
  acknowledgeAll.disabled = !engine.mayControl;
}

acknowledgeAll.addEventListener('click', async () => {
  message.textContent = '';
  try {
    const answer = await post('/api/alarms/acknowledge');
    engine.setLatched(!!(answer && answer.latched));
    engine.refreshAlarms();
  } catch (error) {
    message.textContent = 'Not acknowledged: ' + error.message;
  }
});

engine.addEventListener('change', (event) => {
  if (event.detail === 'latch' || event.detail === 'user') {
    show();
  }
});
show();
