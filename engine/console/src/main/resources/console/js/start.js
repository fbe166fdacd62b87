// The start form: a technique and its parameters (built from the engine's parameter specs), the
// client, the cups (device, channel, body site, per-cup values), the intensity, the client's
// screening and an over-treatment override. "Check" asks the engine for each cup's limit
// (POST /api/sessions/check); "Start" starts (POST /api/sessions). Every refusal is shown next to
// the field the engine names.

import { get, post } from './api.js';
import { engine } from './state.js';
import { h, fill, kpa, words } from './dom.js';
import { clearErrors, fieldError, formError, showProblem } from './forms.js';
import { vocabulary } from './vocabulary.js';

/** Sites offered, in order, to each new cup; the therapist changes them as needed. */
const SUGGESTED_SITES = [
  ['UPPER_BACK', 'LEFT'], ['UPPER_BACK', 'RIGHT'], ['SHOULDER', 'LEFT'], ['SHOULDER', 'RIGHT'],
  ['LOWER_BACK', 'LEFT'], ['LOWER_BACK', 'RIGHT'], ['THIGH', 'LEFT'], ['THIGH', 'RIGHT'],
];

function options(list, selected) {
  return list.map((item) => h('option', { value: item.name, selected: item.name === selected }, item.label));
}

function channelsOf(device) {
  const channels = device && Array.isArray(device.channels) ? device.channels : [];
  return channels.map((channel, index) => {
    const number = channel.channel ?? channel.index ?? index;
    return { name: String(number), label: String(number) };
  });
}

/** The spec's kind: 'choice' (options), 'toggle' (a boolean default) or 'number'. */
function kindOf(spec) {
  if (spec.kind === 'number' || spec.kind === 'choice' || spec.kind === 'toggle') {
    return spec.kind;
  }
  if (Array.isArray(spec.options) && spec.options.length > 0) {
    return 'choice';
  }
  return typeof spec.default === 'boolean' ? 'toggle' : 'number';
}

/** An input for one parameter; `blankMeansInherit` for per-cup values. */
function parameterInput(spec, id, field, blankMeansInherit) {
  const kind = kindOf(spec);
  if (kind === 'choice') {
    const choices = spec.options.map((option) => ({ name: option, label: option }));
    const select = h('select', { id, name: id, dataset: { field, kind } },
      blankMeansInherit ? h('option', { value: '' }, 'as session') : null,
      options(choices, blankMeansInherit ? '' : spec.default));
    return select;
  }
  if (kind === 'toggle') {
    if (blankMeansInherit) {
      return h('select', { id, name: id, dataset: { field, kind } },
        h('option', { value: '' }, 'as session'), h('option', { value: 'true' }, 'on'), h('option', { value: 'false' }, 'off'));
    }
    return h('input', { id, name: id, type: 'checkbox', checked: !!spec.default, dataset: { field, kind } });
  }
  return h('input', {
    id, name: id, type: 'number', step: 'any', inputmode: 'decimal',
    min: spec.min, max: spec.max,
    value: blankMeansInherit ? '' : (spec.default ?? ''),
    placeholder: blankMeansInherit ? 'as session' : '',
    dataset: { field, kind },
  });
}

/** The value an input holds, for the request: undefined when blank (the engine's default applies). */
function parameterValue(input, form) {
  const kind = input.dataset.kind;
  if (kind === 'toggle' && input.type === 'checkbox') {
    return input.checked;
  }
  if (input.value === '' && !(input.validity && input.validity.badInput)) {
    return undefined;
  }
  if (kind === 'toggle') {
    return input.value === 'true';
  }
  if (kind === 'number') {
    const number = Number(input.value);
    if (input.validity.badInput || !Number.isFinite(number)) {
      fieldError(form, input.dataset.field, 'a number is needed here');
      throw new Error('not a number');
    }
    return number;
  }
  return input.value;
}

export function mount(container) {
  const form = h('form', { id: 'start-form', class: 'card', novalidate: true },
    h('h1', {}, 'Start a session'), h('p', { class: 'muted' }, 'Loading techniques and devices…'));
  container.append(form);
  let alive = true;
  Promise.all([get('/api/techniques'), get('/api/devices'), vocabulary()])
    .then(([techniques, devices, words]) => {
      if (alive) {
        build(form, techniques || [], devices || [], words);
      }
    })
    .catch((error) => {
      if (alive) {
        fill(form, h('h1', {}, 'Start a session'), h('p', { class: 'error' }, 'The form cannot be built: ' + error.message));
      }
    });
  return { destroy: () => { alive = false; } };
}

function build(form, techniques, devices, vocabulary) {
  const techniqueSelect = h('select', { id: 'technique', name: 'technique', dataset: { field: 'technique' } },
    techniques.map((t) => h('option', { value: t.id }, t.name ? `${t.name} (${t.id})` : t.id)));
  const techniqueDescription = h('p', { class: 'muted', id: 'technique-description' });
  const clientId = h('input', { id: 'client-id', name: 'client-id', autocomplete: 'off', required: true, dataset: { field: 'client.id' } });
  const clientName = h('input', { id: 'client-name', name: 'client-name', autocomplete: 'off', dataset: { field: 'client.displayName' } });
  const parameterGrid = h('div', { class: 'grid', id: 'parameters' });
  const cupsBody = h('tbody', { dataset: { field: 'cups' } });
  const cupsHead = h('thead');
  const addCup = h('button', { type: 'button', id: 'add-cup' }, 'Add cup');
  const intensity = h('input', {
    id: 'intensity', name: 'intensity', type: 'number', value: 100,
    min: vocabulary.intensity.min, max: vocabulary.intensity.max, step: vocabulary.intensity.step,
    dataset: { field: 'intensity', kind: 'number' },
  });

  // Screening
  const screeningGiven = h('input', { id: 'screening-given', type: 'checkbox' });
  const screenedBy = h('input', { id: 'screening-by', value: engine.user ? engine.user.user : '', dataset: { field: 'screening.screenedBy' } });
  const conditionBoxes = vocabulary.conditions.map((condition) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'condition', value: condition.name }),
    h('span', {}, condition.label, ' ', h('span', { class: 'muted' }, `(${words(condition.kind)})`))));
  const findingsBody = h('tbody', { dataset: { field: 'screening.sites' } });
  const addFinding = h('button', { type: 'button', id: 'add-finding' }, 'Add finding');
  const screeningLimit = h('input', { id: 'screening-limit', type: 'number', step: 'any', min: 1, placeholder: 'none', dataset: { field: 'screening.maxVacuumKpa', kind: 'number' } });
  const consentBy = h('input', { id: 'consent-by', dataset: { field: 'screening.consent.by' } });
  const consentReason = h('input', { id: 'consent-reason', dataset: { field: 'screening.consent.reason' } });
  const screeningBody = h('div', { class: 'screening-body', hidden: true },
    h('label', { class: 'field' }, h('span', {}, 'Screened by'), screenedBy),
    h('fieldset', { dataset: { field: 'screening.conditions' } }, h('legend', {}, 'Conditions (tick every one the client has)'),
      h('div', { class: 'checks' }, conditionBoxes)),
    h('fieldset', {}, h('legend', {}, 'Findings at sites'),
      h('table', { class: 'findings' }, h('thead', {}, h('tr', {}, ['Region', 'Side', 'Finding', ''].map((t) => h('th', {}, t)))), findingsBody),
      addFinding),
    h('label', { class: 'field' }, h('span', {}, 'Limit for this client (kPa, optional)'), screeningLimit),
    h('fieldset', { dataset: { field: 'screening.consent' } }, h('legend', {}, 'Consent for a relative contraindication (optional)'),
      h('label', { class: 'field' }, h('span', {}, 'Given by'), consentBy),
      h('label', { class: 'field' }, h('span', {}, 'Reason'), consentReason)));

  // Over-treatment override
  const overrideBy = h('input', { id: 'override-by', dataset: { field: 'override.by' } });
  const overrideBecause = h('input', { id: 'override-because', dataset: { field: 'override.because' } });

  const check = h('button', { type: 'button', id: 'check-button' }, 'Check');
  const start = h('button', { type: 'submit', id: 'start-button', class: 'primary' }, 'Start');
  const planBox = h('div', { id: 'plan', class: 'plan', hidden: true });

  fill(form,
    h('h1', {}, 'Start a session'),
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    h('fieldset', {}, h('legend', {}, 'Client'),
      h('div', { class: 'grid' },
        h('label', { class: 'field' }, h('span', {}, 'Client id'), clientId),
        h('label', { class: 'field' }, h('span', {}, 'Name (optional)'), clientName))),
    h('fieldset', {}, h('legend', {}, 'Technique'),
      h('label', { class: 'field' }, h('span', {}, 'Technique'), techniqueSelect),
      techniqueDescription, parameterGrid,
      h('label', { class: 'field short' }, h('span', {}, 'Intensity (%)'), intensity)),
    h('fieldset', {}, h('legend', {}, 'Cups'),
      h('div', { class: 'scroll' }, h('table', { id: 'cups-form' }, cupsHead, cupsBody)), addCup),
    h('fieldset', { id: 'screening', dataset: { field: 'screening' } },
      h('legend', {}, h('label', {}, screeningGiven, ' Screening taken (required on a real device)')),
      screeningBody),
    h('fieldset', { id: 'override', dataset: { field: 'override' } },
      h('legend', {}, 'Over-treatment override (only when the client was treated too recently)'),
      h('div', { class: 'grid' },
        h('label', { class: 'field' }, h('span', {}, 'Approved by'), overrideBy),
        h('label', { class: 'field' }, h('span', {}, 'Because'), overrideBecause))),
    planBox,
    h('div', { class: 'actions' }, check, start));

  const devicesById = new Map(devices.map((device) => [String(device.id), device]));
  const technique = () => techniques.find((t) => t.id === techniqueSelect.value) || null;
  const perCupSpecs = () => ((technique() || {}).parameters || []).filter((spec) => spec.perCup);
  const zoned = () => String((technique() || {}).style || '').toUpperCase() === 'LYMPHATIC';
  /** The body regions the technique may be used on (all when it names none). */
  const regions = () => {
    const allowed = (technique() || {}).regions;
    return Array.isArray(allowed) && allowed.length > 0
      ? vocabulary.regions.filter((region) => allowed.includes(region.name)) : vocabulary.regions;
  };

  function renderParameters() {
    const chosen = technique();
    techniqueDescription.textContent = chosen ? (chosen.description || '') : 'No technique is installed.';
    fill(parameterGrid, ((chosen && chosen.parameters) || []).map((spec) => {
      const input = parameterInput(spec, `param-${spec.name}`, `parameters.${spec.name}`, false);
      const unit = spec.unit ? ` (${spec.unit})` : '';
      const range = spec.allowed ? `${spec.allowed}; default ${spec.default}`
        : (kindOf(spec) === 'number' && spec.min !== undefined ? `${spec.min} to ${spec.max}${unit}, default ${spec.default}` : '');
      return h('label', { class: 'field', title: spec.description || '' },
        h('span', {}, spec.name + unit), input, h('small', { class: 'muted' }, range));
    }));
  }

  function renderCupsHead() {
    fill(cupsHead, h('tr', {}, ['Device', 'Channel', 'Region', 'Side', 'Label', zoned() ? 'Zone' : null]
      .concat(perCupSpecs().map((spec) => spec.name + (spec.unit ? ` (${spec.unit})` : '')))
      .concat(['Limit', ''])
      .filter((t) => t !== null).map((t) => h('th', {}, t))));
  }

  /** A new cup row; its fields' paths are set by renumber(). */
  function cupRow(previous) {
    const used = new Set([...cupsBody.children].map((row) => `${row.device.value}/${row.channel.value}`));
    const ready = devices.find((d) => d.state === 'READY') || devices[0];
    const device = previous ? previous.device.value : (ready ? String(ready.id) : '');
    const offered = regions();
    const suggested = SUGGESTED_SITES[cupsBody.children.length % SUGGESTED_SITES.length];
    const suggestion = offered.some((region) => region.name === suggested[0]) ? suggested : [offered[0].name, suggested[1]];
    const deviceSelect = h('select', { class: 'cup-device' },
      devices.map((d) => h('option', { value: d.id, selected: String(d.id) === device,
        title: d.simulated ? 'simulated' : (d.name || '') }, String(d.id))));
    const channelSelect = h('select', { class: 'cup-channel' });
    const fillChannels = () => {
      const channels = channelsOf(devicesById.get(deviceSelect.value));
      const free = channels.find((c) => !used.has(`${deviceSelect.value}/${c.name}`));
      fill(channelSelect, options(channels, free ? free.name : (channels[0] || {}).name));
    };
    fillChannels();
    deviceSelect.addEventListener('change', () => { fillChannels(); screeningNeeded(); });
    const region = h('select', { class: 'cup-region' }, options(offered, suggestion[0]));
    const side = h('select', { class: 'cup-side' }, options(vocabulary.sides, suggestion[1]));
    const label = h('input', { class: 'cup-label', placeholder: 'optional' });
    const zone = zoned() ? h('input', { class: 'cup-zone', type: 'number', min: 0, max: 255, step: 1, placeholder: 'none', dataset: { kind: 'number' } }) : null;
    const overrides = perCupSpecs().map((spec) => {
      const input = parameterInput(spec, '', '', true);
      input.classList.add('cup-override');
      input.dataset.name = spec.name;
      return input;
    });
    const limit = h('span', { class: 'cup-limit muted' }, '–');
    const remove = h('button', { type: 'button', class: 'quiet remove', title: 'Remove this cup' }, '✕');
    const row = h('tr', { class: 'cup-row' },
      h('td', {}, deviceSelect), h('td', {}, channelSelect), h('td', {}, region), h('td', {}, side), h('td', {}, label),
      zone ? h('td', {}, zone) : null,
      overrides.map((input) => h('td', {}, input)),
      h('td', {}, limit), h('td', {}, remove));
    Object.assign(row, { device: deviceSelect, channel: channelSelect, region, side, label, zone, overrides, limit });
    remove.addEventListener('click', () => {
      row.remove();
      renumber();
      screeningNeeded();
    });
    return row;
  }

  /** Each row's fields carry their JSON paths (cups[i].channel, ...), so refusals land beside them. */
  function renumber() {
    [...cupsBody.children].forEach((row, index) => {
      const base = `cups[${index}]`;
      row.dataset.field = base;
      row.device.dataset.field = `${base}.device`;
      row.channel.dataset.field = `${base}.channel`;
      row.region.dataset.field = `${base}.site.region`;
      row.side.dataset.field = `${base}.site.side`;
      row.label.dataset.field = `${base}.site.label`;
      if (row.zone) {
        row.zone.dataset.field = `${base}.zone`;
      }
      for (const input of row.overrides) {
        input.dataset.field = `${base}.overrides.${input.dataset.name}`;
      }
    });
  }

  function addCupRow() {
    const rows = cupsBody.children;
    cupsBody.appendChild(cupRow(rows.length ? rows[rows.length - 1] : null));
    renumber();
    screeningNeeded();
  }

  function rebuildCups() {
    const count = Math.max(1, cupsBody.children.length);
    cupsBody.replaceChildren();
    renderCupsHead();
    for (let i = 0; i < count; i++) {
      addCupRow();
    }
  }

  function findingRow() {
    const region = h('select', { class: 'finding-region' }, options(vocabulary.regions, 'CALF'));
    const side = h('select', { class: 'finding-side' }, options(vocabulary.sides, 'LEFT'));
    const finding = h('select', { class: 'finding-condition' }, options(vocabulary.findings, vocabulary.findings[0].name));
    const remove = h('button', { type: 'button', class: 'quiet remove', title: 'Remove this finding' }, '✕');
    const row = h('tr', {}, h('td', {}, region), h('td', {}, side), h('td', {}, finding), h('td', {}, remove));
    Object.assign(row, { region, side, finding });
    remove.addEventListener('click', () => { row.remove(); renumberFindings(); });
    return row;
  }

  function renumberFindings() {
    [...findingsBody.children].forEach((row, index) => {
      const base = `screening.sites[${index}]`;
      row.dataset.field = base;
      row.region.dataset.field = `${base}.region`;
      row.side.dataset.field = `${base}.side`;
      row.finding.dataset.field = `${base}.finding`;
    });
  }

  /** A cup on a device that is not simulated needs the client's screening: open it. */
  function screeningNeeded() {
    const real = [...cupsBody.children].some((row) => {
      const device = devicesById.get(row.device.value);
      return device && device.simulated === false;
    });
    if (real && !screeningGiven.checked) {
      screeningGiven.checked = true;
      screeningBody.hidden = false;
    }
  }

  screeningGiven.addEventListener('change', () => { screeningBody.hidden = !screeningGiven.checked; });
  addFinding.addEventListener('click', () => { findingsBody.appendChild(findingRow()); renumberFindings(); });
  addCup.addEventListener('click', addCupRow);
  techniqueSelect.addEventListener('change', () => { renderParameters(); rebuildCups(); });

  /** The session request the form describes (docs/INTEGRATORS.md); throws after marking a bad field. */
  function request() {
    const parameters = {};
    for (const input of parameterGrid.querySelectorAll('[data-kind]')) {
      const value = parameterValue(input, form);
      if (value !== undefined) {
        parameters[input.dataset.field.slice('parameters.'.length)] = value;
      }
    }
    const cups = [...cupsBody.children].map((row) => {
      const overrides = {};
      for (const input of row.overrides) {
        const value = parameterValue(input, form);
        if (value !== undefined) {
          overrides[input.dataset.name] = value;
        }
      }
      let zone = null;
      if (row.zone && row.zone.value !== '') {
        zone = parameterValue(row.zone, form);
      }
      return {
        device: row.device.value,
        channel: Number(row.channel.value),
        site: { region: row.region.value, side: row.side.value, label: row.label.value.trim() },
        zone,
        overrides,
      };
    });
    const body = {
      client: { id: clientId.value.trim(), displayName: clientName.value.trim() },
      technique: techniqueSelect.value,
      parameters,
      cups,
      intensity: parameterValue(intensity, form) ?? 100,
      screening: null,
      override: null,
    };
    if (screeningGiven.checked) {
      const limit = parameterValue(screeningLimit, form);
      const consentGiven = consentBy.value.trim() || consentReason.value.trim();
      body.screening = {
        conditions: [...form.querySelectorAll('input[name=condition]:checked')].map((box) => box.value),
        sites: [...findingsBody.children].map((row) => ({ region: row.region.value, side: row.side.value, finding: row.finding.value })),
        maxVacuumKpa: limit === undefined ? null : limit,
        screenedBy: screenedBy.value.trim(),
        consent: consentGiven ? { by: consentBy.value.trim(), reason: consentReason.value.trim() } : null,
      };
    }
    if (overrideBy.value.trim() || overrideBecause.value.trim()) {
      body.override = { by: overrideBy.value.trim(), because: overrideBecause.value.trim() };
    }
    return body;
  }

  function showPlan(plan) {
    const rows = [...cupsBody.children];
    for (const row of rows) {
      row.limit.textContent = '–';
    }
    const cups = (plan && Array.isArray(plan.cups)) ? plan.cups : [];
    cups.forEach((cupPlan, index) => {
      const row = rows[typeof cupPlan.cup === 'number' ? cupPlan.cup : index];
      if (row) {
        const clamped = typeof cupPlan.programPeakKpa === 'number' && cupPlan.programPeakKpa > cupPlan.limitKpa;
        fill(row.limit, h('strong', {}, `${kpa(cupPlan.limitKpa)} kPa`), clamped ? ' program held to it' : '',
          h('small', { class: 'muted' }, cupPlan.limitSetBy || ''));
        row.limit.className = 'cup-limit' + (clamped ? ' clamped' : '');
      }
    });
    const seconds = plan && (plan.durationSeconds ?? plan.plannedSeconds);
    fill(planBox, h('strong', {}, 'Checked: '), 'the engine accepts this session',
      typeof seconds === 'number' ? `; it will last ${Math.round(seconds)} s` : '',
      '. Each cup\'s limit is shown beside it.');
    planBox.hidden = false;
  }

  async function submit(kind) {
    clearErrors(form);
    planBox.hidden = true;
    let body;
    try {
      body = request();
    } catch (invalid) {
      formError(form, 'Please correct the marked fields.');
      return;
    }
    check.disabled = true;
    start.disabled = true;
    try {
      if (kind === 'check') {
        showPlan(await post('/api/sessions/check', body));
      } else {
        const snapshot = await post('/api/sessions', body);
        engine.setSession(snapshot);
        location.hash = '#/live';
      }
    } catch (error) {
      showProblem(form, error);
      const first = form.querySelector('.invalid');
      if (first && first.scrollIntoView) {
        first.scrollIntoView({ block: 'center' });
      }
    } finally {
      check.disabled = !engine.mayControl;
      start.disabled = !engine.mayControl;
    }
  }

  check.addEventListener('click', () => submit('check'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit('start');
  });

  renderParameters();
  rebuildCups();
  check.disabled = !engine.mayControl;
  start.disabled = !engine.mayControl;
  if (!devices.length) {
    formError(form, 'No device is connected: a session needs at least one.');
  }
}
