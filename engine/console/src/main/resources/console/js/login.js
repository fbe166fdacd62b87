// Logging in (POST /api/login), and the first start: while no user exists the engine asks for an
// administrator to be created with the one-time code it printed on its console (POST /api/setup).

import { get, post } from './api.js';
import { h, fill } from './dom.js';
import { clearErrors, showProblem } from './forms.js';

/** Shows the login or the setup form in `container`; `loggedIn({user, role})` is called on success. */
export async function showLogin(container, loggedIn, notice) {
  let needed = false;
  try {
    const setup = await get('/api/setup');
    needed = !!(setup && (setup.needed ?? setup.setupNeeded));
  } catch (error) {
    // The login form is the right thing to show when setup cannot be asked about.
  }
  if (needed) {
    fill(container, setupForm(loggedIn));
  } else {
    fill(container, loginForm(loggedIn, notice));
  }
  const first = container.querySelector('input');
  if (first) {
    first.focus();
  }
}

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

function loginForm(loggedIn, notice) {
  const user = h('input', { name: 'user', id: 'login-user', autocomplete: 'username', required: true, dataset: { field: 'user' } });
  const password = h('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true, dataset: { field: 'password' } });
  const submit = h('button', { type: 'submit', id: 'login-submit', class: 'primary' }, 'Log in');
  const form = h('form', { class: 'card narrow', id: 'login-form', novalidate: true },
    h('h1', {}, 'Log in'),
    notice ? h('p', { class: 'notice' }, notice) : null,
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    field('User', user),
    field('Password', password),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    try {
      const answer = await post('/api/login', { user: user.value.trim(), password: password.value });
      password.value = '';
      loggedIn({ user: answer.user, role: answer.role });
    } catch (error) {
      showProblem(form, error.status === 401 ? Object.assign(error, { message: 'Wrong user name or password.' }) : error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function setupForm(loggedIn) {
  const code = h('input', { name: 'code', id: 'setup-code', autocomplete: 'one-time-code', required: true, dataset: { field: 'code' } });
  const user = h('input', { name: 'user', id: 'setup-user', autocomplete: 'username', required: true, dataset: { field: 'user' } });
  const password = h('input', { name: 'password', id: 'setup-password', type: 'password', autocomplete: 'new-password', required: true, dataset: { field: 'password' } });
  const again = h('input', { name: 'again', id: 'setup-again', type: 'password', autocomplete: 'new-password', required: true, dataset: { field: 'again' } });
  const submit = h('button', { type: 'submit', id: 'setup-submit', class: 'primary' }, 'Create administrator');
  const form = h('form', { class: 'card narrow', id: 'setup-form', novalidate: true },
    h('h1', {}, 'First start'),
    h('p', {}, 'No user exists yet. Create the first administrator with the one-time setup code the engine printed on its console (and in its log, upwell-data/upwell.log).'),
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    field('Setup code', code),
    field('Administrator name', user),
    field('Password', password),
    field('Password again', again),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (password.value !== again.value) {
      showProblem(form, { message: 'The passwords differ.', fieldErrors: [{ field: 'again', message: 'not the same as the password' }] });
      return;
    }
    submit.disabled = true;
    try {
      const answer = await post('/api/setup', { code: code.value.trim(), user: user.value.trim(), password: password.value });
      password.value = '';
      again.value = '';
      loggedIn({ user: answer.user, role: answer.role });
    } catch (error) {
      showProblem(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** Logs out (POST /api/logout); the cookie ends on the engine's side. */
export async function logout() {
  try {
    await post('/api/logout');
  } catch (ignored) {
    // logged out or unreachable: either way this page forgets the login
  }
}
