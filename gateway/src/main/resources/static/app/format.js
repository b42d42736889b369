// How Haven's values read on screen: names, badges, deadlines, actors. Labels come from the message bundles.
import { h } from './dom.js';
import { daysFromToday, formatDate, formatDaysFromToday, label, t, tn } from './i18n.js';

export function clientName(client) {
  if (!client) return '';
  return [client.givenName, client.familyName].filter(Boolean).join(' ');
}

export function caseHref(caseId) {
  return `/cases/${encodeURIComponent(caseId)}`;
}

/** "user:caseworker-a" → "caseworker-a"; "api-key:dev-a-intake" → "dev-a-intake (API key)". */
export function actorName(actor) {
  if (!actor) return t('actor.system');
  if (actor.startsWith('user:')) return actor.slice('user:'.length);
  if (actor.startsWith('api-key:')) return t('actor.apiKey', { name: actor.slice('api-key:'.length) });
  return actor;
}

export function badge(text, tone = 'neutral', extra = {}) {
  return h('span', { class: `badge badge-${tone}`, ...extra }, text);
}

const DEADLINE_TONES = { OVERDUE: 'danger', DUE_TODAY: 'danger', UPCOMING: 'info', MET: 'success', PASSED: 'neutral' };

export function deadlineStatusBadge(status) {
  return badge(label('deadlineStatus', status), DEADLINE_TONES[status] ?? 'neutral');
}

const RESULT_TONES = { ELIGIBLE: 'success', NOT_ELIGIBLE: 'danger', NEEDS_REVIEW: 'warning' };

export function resultBadge(result) {
  return badge(label('result', result), RESULT_TONES[result] ?? 'neutral');
}

export function caseStatusBadge(status) {
  return badge(label('caseStatus', status), status === 'OPEN' ? 'success' : 'neutral');
}

/** A legal date with how far it is from today: "Dec 18, 2026 (in 20 days)". */
export function dateWithDistance(isoDate) {
  if (!isoDate) return '';
  return h('span', { class: 'date-distance' },
    h('time', { datetime: isoDate }, formatDate(isoDate)),
    ' ',
    h('span', { class: 'muted' }, `(${formatDaysFromToday(isoDate)})`));
}

/** "20 days left", "expires today", "ended 3 days ago" for an end date. */
export function daysLeft(isoDate) {
  const days = daysFromToday(isoDate);
  if (days > 0) return tn('days.left', days);
  if (days === 0) return t('days.endsToday');
  return tn('days.endedAgo', -days);
}

export function date(isoDate) {
  return isoDate ? h('time', { datetime: isoDate }, formatDate(isoDate)) : t('value.none');
}

export function yesNo(value) {
  return value ? t('value.yes') : t('value.no');
}

/** Term/definition pairs; pairs whose value is null, undefined or '' are left out. */
export function facts(pairs, className = 'facts') {
  const list = h('dl', { class: className });
  for (const [term, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    list.append(h('div', { class: 'fact' }, h('dt', {}, term), h('dd', {}, value)));
  }
  return list;
}
