// The live feed: one EventSource on /api/notifications/stream for the whole page. Each notification (a case
// changed, a deadline fired) goes to every listener; after the stream was down, listeners are told to resync,
// because notifications committed meanwhile are not replayed (they are in the feed, which screens reload).

const RETRY_MILLIS = 5_000;
const listeners = new Set();
const stateListeners = new Set();
let source = null;
let retry = null;
let state = 'closed';
let wasDown = false;
let wanted = false;

// A page the browser kept in its back/forward cache comes back with its stream closed: reopen it, and let the
// screens catch up on what happened meanwhile.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted || !wanted) return;
  source?.close();
  source = null;
  clearTimeout(retry);
  retry = null;
  wasDown = true;
  connect();
});

export function startLive() {
  wanted = true;
  if (source || retry) return;
  connect();
}

export function stopLive() {
  wanted = false;
  clearTimeout(retry);
  retry = null;
  source?.close();
  source = null;
  wasDown = false;
  setState('closed');
}

/** listener({kind: 'notification', notification}) or listener({kind: 'resync'}) */
export function onLive(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onLiveState(listener) {
  stateListeners.add(listener);
  listener(state);
  return () => stateListeners.delete(listener);
}

export function liveState() {
  return state;
}

function connect() {
  retry = null;
  setState('connecting');
  source = new EventSource('/api/notifications/stream');
  source.addEventListener('open', () => {
    setState('open');
    if (wasDown) emit({ kind: 'resync' });
    wasDown = false;
  });
  source.addEventListener('notification', (event) => {
    let notification;
    try {
      notification = JSON.parse(event.data);
    } catch {
      return;
    }
    emit({ kind: 'notification', notification });
  });
  source.addEventListener('error', () => {
    wasDown = true;
    if (source.readyState === EventSource.CLOSED) {
      // The browser gives up on a non-200 answer (a 401 after the session ended, a 502): try again later.
      source.close();
      source = null;
      retry = setTimeout(connect, RETRY_MILLIS);
    }
    setState('reconnecting');
  });
}

function emit(message) {
  listeners.forEach((listener) => {
    try {
      listener(message);
    } catch (error) {
      console.error('Live listener failed', error);
    }
  });
}

function setState(next) {
  state = next;
  stateListeners.forEach((listener) => listener(next));
}
