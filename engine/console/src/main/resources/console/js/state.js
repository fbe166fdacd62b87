// What the console knows about the engine, fed by the REST answers and the live stream, and told to
// whichever screen is showing. One object; screens listen for 'change' events naming what changed.

import { get } from './api.js';

class EngineState extends EventTarget {
  constructor() {
    super();
    this.user = null;          // {user, role}
    this.latched = false;
    this.session = null;       // the current or last session's snapshot
    this.alarms = new Map();   // id -> alarm status, active ones only
    this.devices = new Map();  // id -> device
    this.stream = 'closed';    // 'connecting' | 'live' | 'closed'
    this.sessionAsked = null;  // the snapshot request on its way, if any
  }

  changed(what) {
    this.dispatchEvent(new CustomEvent('change', { detail: what }));
  }

  setUser(user) {
    this.user = user;
    this.changed('user');
  }

  /** Whether the logged-in user may change anything (viewers only watch). */
  get mayControl() {
    return !!this.user && String(this.user.role).toUpperCase() !== 'VIEWER';
  }

  setLatched(latched) {
    const now = !!latched;
    if (now !== this.latched) {
      this.latched = now;
      this.changed('latch');
    }
  }

  setStream(status) {
    if (status !== this.stream) {
      this.stream = status;
      this.changed('stream');
    }
  }

  setSession(snapshot) {
    this.session = snapshot || null;
    this.changed('session');
  }

  setAlarms(list) {
    this.alarms = new Map();
    for (const alarm of list || []) {
      if (alarm && alarm.id !== undefined && alarm.state !== 'CLEARED') {
        this.alarms.set(String(alarm.id), alarm);
      }
    }
    this.changed('alarms');
  }

  putAlarm(alarm) {
    if (!alarm || alarm.id === undefined) {
      return;
    }
    if (alarm.state === 'CLEARED') {
      this.alarms.delete(String(alarm.id));
    } else {
      this.alarms.set(String(alarm.id), alarm);
    }
    if (typeof alarm.latched === 'boolean') {
      this.setLatched(alarm.latched);
    }
    this.changed('alarms');
  }

  setDevices(list) {
    this.devices = new Map();
    for (const device of list || []) {
      if (device && device.id !== undefined) {
        this.devices.set(String(device.id), device);
      }
    }
    this.changed('devices');
  }

  /** A device event: {device, from, to, reason}. */
  deviceChanged(event) {
    const device = this.devices.get(String(event.device));
    if (device) {
      device.state = event.to;
      device.reason = event.reason;
      this.changed('devices');
    }
  }

  /** The stream's first event: everything the engine knows now. */
  applyHello(hello) {
    this.setLatched(hello.latched);
    this.setSession(hello.session || null);
    this.setAlarms(hello.alarms || []);
    if (Array.isArray(hello.devices)) {
      this.setDevices(hello.devices);
    }
  }

  /** A sample of the live session: its figures now, merged into the snapshot the screens show. */
  applySample(sample) {
    const session = this.session;
    if (!session || session.id !== sample.session) {
      // A session this page has not seen start: fetch its snapshot, and take this sample meanwhile.
      this.refreshSession();
      this.changed({ sample });
      return;
    }
    session.elapsedSeconds = sample.elapsedSeconds;
    session.state = sample.state || session.state;
    if (typeof sample.intensity === 'number') {
      session.intensity = sample.intensity;
    }
    for (const figures of sample.cups || []) {
      const cup = (session.cups || []).find((c) => c.cup === figures.cup);
      if (cup) {
        cup.targetKpa = figures.targetKpa;
        cup.measuredKpa = figures.measuredKpa;
        cup.phase = figures.phase;
        if (typeof figures.measuredKpa === 'number' && !(cup.peakKpa >= figures.measuredKpa)) {
          cup.peakKpa = figures.measuredKpa;
        }
      }
    }
    this.changed({ sample });
  }

  /** The current session's snapshot again; calls made while one is on its way share it. */
  refreshSession() {
    if (!this.sessionAsked) {
      this.sessionAsked = get('/api/sessions/current')
        .then((snapshot) => this.setSession(snapshot))
        .catch((error) => {
          if (error.status === 404) {
            this.setSession(null);
          }
        })
        .finally(() => { this.sessionAsked = null; });
    }
    return this.sessionAsked;
  }

  async refreshAlarms() {
    try {
      this.setAlarms(await get('/api/alarms'));
    } catch (ignored) {
      // the alarms screen shows the failure when it asks itself
    }
  }

  async refreshDevices() {
    try {
      this.setDevices(await get('/api/devices'));
    } catch (ignored) {
      // as above
    }
  }

  async refreshLatch() {
    try {
      const health = await get('/api/health');
      this.setLatched(health.latched);
    } catch (ignored) {
      // as above
    }
  }

  /** Everything again, from the REST API (after a login, or when the stream says it lost our place). */
  async refreshAll() {
    await Promise.all([this.refreshLatch(), this.refreshSession(), this.refreshAlarms(), this.refreshDevices()]);
  }
}

export const engine = new EngineState();
