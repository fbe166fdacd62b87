// Field-by-field messages from the engine's problem documents: each error names the field by its JSON
// path ("cups[2].channel"); the message goes next to the form element marked with that path
// (data-field), or with the nearest path above it ("cups[2]", then "cups"), or at the top of the form.

import { h } from './dom.js';

/** Removes every message a previous answer left. */
export function clearErrors(form) {
  for (const old of form.querySelectorAll('.field-error')) {
    old.remove();
  }
  for (const marked of form.querySelectorAll('.invalid')) {
    marked.classList.remove('invalid');
  }
  const summary = form.querySelector('.form-error');
  if (summary) {
    summary.replaceChildren();
    summary.hidden = true;
  }
}

/** "cups[2].site.region" -> ["cups[2].site.region", "cups[2].site", "cups[2]", "cups"]. */
export function pathsFrom(field) {
  const paths = [];
  let path = String(field || '');
  while (path) {
    paths.push(path);
    const dot = path.lastIndexOf('.');
    const bracket = path.lastIndexOf('[');
    const cut = Math.max(dot, bracket);
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return paths;
}

function target(form, field) {
  for (const path of pathsFrom(field)) {
    const element = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (element) {
      return element;
    }
  }
  return null;
}

/** A message for one field, shown after the element that holds it. */
export function fieldError(form, field, message) {
  const element = target(form, field);
  if (!element) {
    formError(form, field ? `${field}: ${message}` : message);
    return;
  }
  element.classList.add('invalid');
  const note = h('span', { class: 'field-error', role: 'alert', dataset: { for: field } }, message);
  element.insertAdjacentElement('afterend', note);
}

/** A message for the whole form. */
export function formError(form, message) {
  const summary = form.querySelector('.form-error');
  if (summary) {
    summary.appendChild(h('div', {}, message));
    summary.hidden = false;
  }
}

/** Shows an ApiError: its field errors by field, and its detail at the top. */
export function showProblem(form, error) {
  const fields = error.fieldErrors || [];
  formError(form, error.message);
  for (const entry of fields) {
    fieldError(form, entry.field, entry.message || 'not accepted');
  }
}
