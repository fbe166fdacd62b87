// The engine's REST API (docs/INTEGRATORS.md): same origin, the login cookie, and the header the
// engine asks of every cookie-authenticated change. Errors arrive as problem documents (RFC 9457).

export const REQUEST_HEADER = 'X-Upwell-Request';

/** A refused or failed call: the HTTP status (0 when the engine could not be reached) and its problem document. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message || (problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || null;
  }

  /** The problem document's field errors: [{field, message}]. */
  get fieldErrors() {
    const errors = this.problem && Array.isArray(this.problem.errors) ? this.problem.errors : [];
    return errors.filter((error) => error && typeof error === 'object');
  }
}

/**
 * Calls the API. Resolves with the parsed JSON answer (null for an empty one); rejects with ApiError.
 * A 401 on anything but the login itself also tells the page that the login has ended.
 */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') {
    headers[REQUEST_HEADER] = '1';
  }
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (failure) {
    throw new ApiError(0, null, 'the engine cannot be reached (' + (failure && failure.message ? failure.message : 'network error') + ')');
  }
  const type = response.headers.get('Content-Type') || '';
  let answer = null;
  if (response.status !== 204) {
    if (type.includes('json')) {
      try {
        answer = await response.json();
      } catch (ignored) {
        answer = null;
      }
    } else {
      await response.text();
    }
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/login') {
      window.dispatchEvent(new CustomEvent('upwell:unauthenticated'));
    }
    throw new ApiError(response.status, answer && typeof answer === 'object' ? answer : null);
  }
  return answer;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);

/** A path segment for an id from the server. */
export const segment = (id) => encodeURIComponent(String(id));
