// The one way the UI talks to Haven: same-origin fetch with the session cookie, the header that the gateway's
// forgery check asks for, JSON in and out, and RFC 9457 problem+json turned into an ApiError with field errors.
import { currentLanguage } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    /** field → messages, from problem.errors[] ({field, message}); e.g. "client.givenName" → ["must not be blank"] */
    this.fieldErrors = {};
    for (const error of this.problem.errors ?? []) {
      const field = error.field ?? '';
      (this.fieldErrors[field] ??= []).push(error.message ?? '');
    }
  }
}

let unauthorizedHandler = () => {};

/** Called when a request that needed a session got 401 (the session ended). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * @param path    '/api/cases' or the like, same origin
 * @param options method, body (sent as JSON), query (object; empty values left out), signal,
 *                allowUnauthorized (a 401 is the caller's business, e.g. "who am I")
 */
export async function api(path, { method = 'GET', body, query, signal, allowUnauthorized = false } = {}) {
  const headers = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
    'X-Requested-With': 'haven',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { detail: error.message });
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = response.status === 204 || !type.includes('json') ? null : await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && !allowUnauthorized) unauthorizedHandler();
    throw new ApiError(response.status, data);
  }
  return data;
}

export function withQuery(path, query) {
  if (!query) return path;
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `${path}?${text}` : path;
}
