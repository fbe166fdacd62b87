// The engine's live stream (GET /api/stream, Server-Sent Events). After a dropped connection the
// browser reconnects by itself and sends Last-Event-ID, so the engine resumes where it left off; when
// our place is too old it sends 'reset' (we refetch) and 'hello' (the state now). If the browser
// gives up (the engine was away, or answered with an error), a new connection is made after a pause
// that grows up to 10 s; it starts with 'hello'. While the stream is not live the console asks the
// REST API for the session, the alarms and the latch every POLL_MS instead, so that the screens stay
// true (without the chart's samples) however long the stream is away.

import { engine } from './state.js';
import { get } from './api.js';

const STREAM = '/api/stream';
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 10000;
const POLL_MS = 2000;

let source = null;
let retry = null;
let pause = FIRST_PAUSE_MS;
let wanted = false;
let poll = null;

function pollWhileDown() {
  if (wanted && engine.stream !== 'live') {
    if (!poll) {
      poll = setInterval(() => {
        engine.refreshSession();
        engine.refreshAlarms();
        engine.refreshLatch();
      }, POLL_MS);
    }
  } else {
    clearInterval(poll);
    poll = null;
  }
}

engine.addEventListener('change', (event) => {
  if (event.detail === 'stream') {
    pollWhileDown();
  }
});

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch (ignored) {
    return null;
  }
}

function listen(name, handle) {
  source.addEventListener(name, (event) => {
    const data = parse(event);
    if (data !== null) {
      handle(data);
    }
  });
}

/** Opens the stream (once logged in); idempotent. */
export function openStream() {
  wanted = true;
  pollWhileDown();
  if (source) {
    return;
  }
  clearTimeout(retry);
  engine.setStream('connecting');
  source = new EventSource(STREAM, { withCredentials: true });
  source.onopen = () => {
    pause = FIRST_PAUSE_MS;
  };
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      reopenLater();
    } else {
      engine.setStream('connecting'); // the browser is reconnecting by itself
    }
  };
  listen('hello', (hello) => {
    engine.applyHello(hello);
    engine.setStream('live');
  });
  listen('reset', () => engine.refreshAll());
  listen('sample', (sample) => engine.applySample(sample));
  listen('session', (change) => {
    engine.changed({ sessionEvent: change });
    engine.refreshSession();
  });
  listen('alarm', (alarm) => engine.putAlarm(alarm));
  listen('device', (change) => engine.deviceChanged(change));
  listen('latch', (latch) => engine.setLatched(latch.latched));
}

function reopenLater() {
  if (source) {
    source.close();
    source = null;
  }
  engine.setStream('closed');
  if (!wanted) {
    return;
  }
  clearTimeout(retry);
  retry = setTimeout(async () => {
    try {
      await get('/api/me'); // a 401 here ends the login (api.js tells the page) and we stop trying
      openStream();
    } catch (error) {
      if (error.status !== 401 && wanted) {
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        reopenLater();
      }
    }
  }, pause);
}

/** Closes the stream (at logout). */
export function closeStream() {
  wanted = false;
  clearTimeout(retry);
  pollWhileDown();
  if (source) {
    source.close();
    source = null;
  }
  engine.setStream('closed');
}
