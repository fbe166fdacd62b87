// Building the page without ever parsing text as HTML: every string from the server becomes a text
// node (textContent) or an attribute value, so nothing it says can become markup or code.

/**
 * h('tr', {class: 'row', dataset: {cup: 2}, onclick: f}, 'text', child, [more children])
 * Strings and numbers become text nodes; null, undefined and false are skipped; arrays are flattened.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name in element && typeof value !== 'string') {
      element[name] = value; // properties such as checked, disabled, value
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A number of kPa for people: one decimal, or a dash when unknown. */
export function kpa(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '–';
  }
  const tenths = Math.round(value * 10) / 10;
  return (tenths === 0 ? 0 : tenths).toFixed(1); // never "-0.0"
}

/** Seconds as m:ss (or h:mm:ss). */
export function clock(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    return '–';
  }
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** An ISO-8601 time in the browser's locale, or the text as given when it does not parse. */
export function when(iso) {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}

/** UPPER_BACK as "upper back". */
export function words(constant) {
  return constant ? String(constant).toLowerCase().replace(/_/g, ' ') : '';
}

/** A body site {region, side, label} as "upper back, left (label)". */
export function siteText(site) {
  if (!site) {
    return '–';
  }
  if (typeof site === 'string') {
    return site;
  }
  let text = words(site.region);
  if (site.side && site.side !== 'CENTRE') {
    text += ', ' + words(site.side);
  }
  if (site.label) {
    text += ` (${site.label})`;
  }
  return text;
}
