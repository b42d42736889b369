// Who is signed in, and what their roles let them do. The UI only offers what the role may do; the services
// check every request again, so this is about not showing dead ends, not about security.
import { api } from './api.js';

let signedIn = null;

export async function loadSession() {
  try {
    signedIn = await api('/auth/me', { allowUnauthorized: true });
  } catch (error) {
    if (error.status !== 401) throw error;
    signedIn = null;
  }
  return signedIn;
}

export async function signIn(username, password) {
  signedIn = await api('/auth/login', { method: 'POST', body: { username, password }, allowUnauthorized: true });
  return signedIn;
}

export async function signOut() {
  try {
    await api('/auth/logout', { method: 'POST', allowUnauthorized: true });
  } finally {
    signedIn = null;
  }
}

export function forget() {
  signedIn = null;
}

/** {username, organization, roles} or null */
export function user() {
  return signedIn;
}

/** The subject the services record as actor and assignee: user:<username> (docs/internal-contracts.md). */
export function subject() {
  return signedIn ? `user:${signedIn.username}` : null;
}

function hasAny(...roles) {
  return signedIn !== null && signedIn.roles.some((role) => roles.includes(role));
}

/** What the signed-in role may do, as the services decide it (case-service CaseWrites, CaseHistoryController). */
export const can = {
  openCase: () => hasAny('INTAKE', 'CASEWORKER'),
  /** entries, departures, parole requests, EAD and asylum filings */
  recordFacts: () => hasAny('INTAKE', 'CASEWORKER'),
  /** decisions (parole grants), assignment, closing and reopening */
  decide: () => hasAny('CASEWORKER'),
  /** the as-of view and hash-chain verification */
  audit: () => hasAny('AUDITOR', 'CASEWORKER', 'ADMIN'),
  administer: () => hasAny('ADMIN'),
};
