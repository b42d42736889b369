// What this page itself just recorded, so that the live feed's notification of the same event does not toast
// a second time (the page already said "Recorded: …"). The screens still refresh on it.
const REMEMBER_MILLIS = 60_000;
const recent = new Map();

export function rememberOwnWrite(caseId, eventType) {
  recent.set(`${caseId} ${eventType}`, Date.now() + REMEMBER_MILLIS);
}

/** True once for a notification of an event this page recorded in the last minute. */
export function isOwnWrite(caseId, eventType) {
  const key = `${caseId} ${eventType}`;
  const until = recent.get(key);
  if (until === undefined) return false;
  recent.delete(key);
  return until >= Date.now();
}
