// What a case shows: the client, each pathway's status, computed deadlines, eligibility results and the
// timeline. Pure rendering from the API's answers; used for the live case and for the as-of view.
import { h, serverText } from '../dom.js';
import {
  actorName, badge, caseStatusBadge, date, dateWithDistance, daysLeft, deadlineStatusBadge, facts, resultBadge, yesNo,
} from '../format.js';
import { daysFromToday, formatDate, formatDateTime, intlLocale, label, t } from '../i18n.js';
import { emptyState } from '../layout.js';

export function countryName(code) {
  if (!code) return '';
  try {
    const name = new Intl.DisplayNames([intlLocale()], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export function clientSummary(view) {
  const client = view.client;
  return facts([
    [t('case.caseNumber'), view.caseNumber],
    [t('case.status'), caseStatusBadge(view.status)],
    [t('case.assignee'), view.assignee ? actorName(view.assignee) : t('case.unassigned')],
    [t('field.dateOfBirth'), date(client.dateOfBirth)],
    [t('field.countryOfNationality'), countryName(client.countryOfNationality)],
    [t('field.preferredLanguage'), label('language', client.preferredLanguage)],
    [t('field.lastArrivalDate'), view.lastArrivalDate ? date(view.lastArrivalDate) : t('value.unknown')],
    [t('field.unaccompaniedMinor'), yesNo(view.unaccompaniedMinor)],
    [t('case.receiptNumbers'), view.receiptNumbers?.length ? view.receiptNumbers.join(', ') : null],
    [t('case.openedAt'), formatDateTime(view.openedAt)],
    [t('case.closure'), view.closure ? [formatDateTime(view.closure.closedAt), ' — ', view.closure.reason] : null],
  ]);
}

function deadlineOf(deadlines, type) {
  return deadlines.find((deadline) => deadline.type === type) ?? null;
}

/** A deadline's date with its distance and status: "Jan 5, 2026 (in 38 days) Upcoming". */
function deadlineValue(deadline) {
  if (!deadline) return null;
  return [dateWithDistance(deadline.dueOn), ' ', deadline.status ? deadlineStatusBadge(deadline.status) : null];
}

function endBadge(isoDate) {
  const days = daysFromToday(isoDate);
  const tone = days < 0 ? 'neutral' : days <= 30 ? 'danger' : days <= 90 ? 'warning' : 'success';
  return badge(daysLeft(isoDate), tone, { class: `badge badge-${tone} days-left` });
}

function card(pathwayKey, title, body, status) {
  return h('article', { class: 'pathway', dataset: { pathway: pathwayKey } },
    h('h3', {}, title, status ? [' ', status] : null), body);
}

/**
 * @param deadlines the case's deadlines: GET /api/cases/{id}/deadlines (with status), or for an as-of view the
 *                  assessment's own deadlines (without status)
 */
export function pathwayStatus(view, deadlines) {
  const cards = [];
  const parole = view.parole;
  if (parole) {
    cards.push(card('parole', label('pathway', 'PAROLE'), facts([
      [t('parole.kind'), label('paroleKind', parole.kind)],
      [t('parole.requestedOn'), date(parole.requestedOn)],
      [t('parole.requestPending'), parole.requestPending ? t('value.yes') : null],
      [t('parole.grantedOn'), parole.grantedOn ? date(parole.grantedOn) : null],
      [t('parole.validUntil'), parole.validUntil ? [date(parole.validUntil), ' ', endBadge(parole.validUntil)] : null],
      [t('parole.program'), parole.program],
      [t('parole.deniedOn'), parole.deniedOn ? date(parole.deniedOn) : null],
      [t('parole.terminatedOn'), parole.terminatedOn ? date(parole.terminatedOn) : null],
      [label('deadlineType', 'REPAROLE_WINDOW_OPENS'), deadlineValue(deadlineOf(deadlines, 'REPAROLE_WINDOW_OPENS'))],
      [label('deadlineType', 'REPAROLE_RECOMMENDED_BY'), deadlineValue(deadlineOf(deadlines, 'REPAROLE_RECOMMENDED_BY'))],
    ]), badge(label('paroleStatus', parole.status), parole.status === 'GRANTED' ? 'success' : 'neutral')));
  }

  const asylum = view.asylum;
  const oneYear = deadlineOf(deadlines, 'ASYLUM_ONE_YEAR');
  const c8Filing = deadlineOf(deadlines, 'EAD_C8_EARLIEST_FILING');
  const c8Grant = deadlineOf(deadlines, 'EAD_C8_EARLIEST_GRANT');
  if (asylum || oneYear) {
    const clock = asylum
      ? (asylum.clockStopped
        ? [badge(t('asylum.clockStopped'), 'warning'), ' ', t('asylum.stoppedSince', { date: formatDate(asylum.clockStoppedOn) }),
          asylum.clockStopReason ? [' — ', label('clockStopReason', asylum.clockStopReason)] : null]
        : (asylum.pending ? badge(t('asylum.clockRunning'), 'info') : null))
      : null;
    cards.push(card('asylum', label('pathway', 'ASYLUM'), facts([
      [t('asylum.filedOn'), asylum ? date(asylum.filedOn) : t('asylum.notFiled')],
      [t('asylum.kind'), asylum ? label('asylumKind', asylum.kind) : null],
      [t('asylum.decision'), asylum?.decision ? [label('decision', asylum.decision), ' ', date(asylum.decidedOn)] : (asylum?.pending ? t('asylum.pending') : null)],
      [label('deadlineType', 'ASYLUM_ONE_YEAR'), deadlineValue(oneYear) ?? (view.unaccompaniedMinor ? t('asylum.exempt') : null)],
      [t('asylum.c8Clock'), clock],
      [label('deadlineType', 'EAD_C8_EARLIEST_FILING'), deadlineValue(c8Filing)],
      [label('deadlineType', 'EAD_C8_EARLIEST_GRANT'), deadlineValue(c8Grant)],
      [label('deadlineType', 'ANNUAL_ASYLUM_FEE_DUE'), deadlineValue(deadlineOf(deadlines, 'ANNUAL_ASYLUM_FEE_DUE'))],
    ])));
  }

  const ead = view.ead;
  if (ead) {
    cards.push(card('ead', label('pathway', 'EAD'), facts([
      [t('ead.category'), label('eadCategory', ead.category)],
      [t('ead.filedOn'), date(ead.filedOn)],
      [t('ead.renewal'), yesNo(ead.renewal)],
      [t('ead.validFrom'), ead.validFrom ? date(ead.validFrom) : null],
      [t('ead.validUntil'), ead.validUntil ? [date(ead.validUntil), ' ', endBadge(ead.validUntil)] : null],
      [t('ead.deniedOn'), ead.deniedOn ? date(ead.deniedOn) : null],
      [label('deadlineType', 'EAD_RENEWAL_WINDOW_OPENS'), deadlineValue(deadlineOf(deadlines, 'EAD_RENEWAL_WINDOW_OPENS'))],
    ]), badge(label('eadStatus', ead.status), ead.status === 'APPROVED' ? 'success' : ead.status === 'DENIED' ? 'danger' : 'info')));
  }

  const tps = view.tps;
  const tpsWindow = deadlineOf(deadlines, 'TPS_REGISTRATION_ENDS');
  if (tps || tpsWindow) {
    cards.push(card('tps', label('pathway', 'TPS'), facts([
      [t('tps.country'), tps ? countryName(tps.country) : null],
      [t('tps.filedOn'), tps ? date(tps.filedOn) : t('tps.notFiled')],
      [t('tps.grantedOn'), tps?.grantedOn ? date(tps.grantedOn) : null],
      [t('tps.validUntil'), tps?.validUntil ? [date(tps.validUntil), ' ', endBadge(tps.validUntil)] : null],
      [label('deadlineType', 'TPS_REGISTRATION_ENDS'), deadlineValue(tpsWindow)],
    ])));
  }

  const adjustmentEligible = deadlineOf(deadlines, 'ADJUSTMENT_ELIGIBLE');
  if (view.adjustment || adjustmentEligible || view.refugeeAdmittedOn) {
    cards.push(card('adjustment', t('adjustment.title'), facts([
      [t('refugee.admittedOn'), view.refugeeAdmittedOn ? date(view.refugeeAdmittedOn) : null],
      [label('deadlineType', 'ADJUSTMENT_ELIGIBLE'), deadlineValue(adjustmentEligible)],
      [t('adjustment.filedOn'), view.adjustment ? date(view.adjustment.filedOn) : t('adjustment.notFiled')],
      [t('adjustment.basis'), view.adjustment ? label('adjustmentBasis', view.adjustment.basis) : null],
      [label('deadlineType', 'RCA_RMA_ENDS'), deadlineValue(deadlineOf(deadlines, 'RCA_RMA_ENDS'))],
    ])));
  }

  if (view.lastEntry || view.lastDeparture) {
    cards.push(card('presence', t('presence.title'), facts([
      [t('presence.lastEntry'), view.lastEntry ? [date(view.lastEntry.date), ' — ', label('manner', view.lastEntry.manner)] : null],
      [t('presence.lastDeparture'), view.lastDeparture
        ? [date(view.lastDeparture.date), ' — ', view.lastDeparture.advanceParole ? t('presence.withAdvanceParole') : t('presence.withoutAdvanceParole')]
        : null],
      [label('deadlineType', 'UNLAWFUL_PRESENCE_180'), deadlineValue(deadlineOf(deadlines, 'UNLAWFUL_PRESENCE_180'))],
      [label('deadlineType', 'UNLAWFUL_PRESENCE_365'), deadlineValue(deadlineOf(deadlines, 'UNLAWFUL_PRESENCE_365'))],
    ])));
  }

  if (view.rfes?.length) {
    cards.push(card('rfe', t('rfe.title'), h('ul', { class: 'plain-list' }, view.rfes.map((rfe) => h('li', {},
      label('filing', rfe.filing), ': ', t('rfe.received', { date: formatDate(rfe.receivedOn) }), ' · ',
      rfe.answeredOn ? t('rfe.answered', { date: formatDate(rfe.answeredOn) }) : [t('rfe.respondBy'), ' ', dateWithDistance(rfe.respondBy)])))));
  }

  return cards.length ? h('div', { class: 'pathways' }, cards) : emptyState(t('case.noPathways'));
}

export function deadlineList(deadlines) {
  if (!deadlines.length) return emptyState(t('case.noDeadlines'));
  return h('ul', { class: 'deadline-list' }, deadlines.map((deadline) => h('li', {
    class: `deadline deadline-${(deadline.status ?? 'none').toLowerCase()}`, dataset: { type: deadline.type },
  },
  h('div', { class: 'deadline-when' }, dateWithDistance(deadline.dueOn)),
  h('div', { class: 'deadline-what' },
    h('p', { class: 'deadline-type' }, label('deadlineType', deadline.type), ' ', deadline.status ? deadlineStatusBadge(deadline.status) : null),
    h('p', { class: 'rule' }, h('code', {}, deadline.ruleId), ' · ', deadline.citation),
    deadline.metOn ? h('p', { class: 'muted' }, t('deadline.metOn', { date: formatDate(deadline.metOn) })) : null))));
}

export function eligibility(view) {
  const assessed = view.eligibility;
  if (!assessed) return emptyState(t('eligibility.none'));
  return [
    h('p', { class: 'muted' }, t('eligibility.assessed', {
      at: formatDateTime(assessed.assessedAt), asOf: formatDate(assessed.asOf), version: assessed.ruleSetVersion,
    })),
    assessed.warnings.length
      ? h('div', { class: 'notice notice-warning', id: 'eligibility-warnings' },
        h('h3', {}, t('eligibility.warnings')),
        h('ul', {}, assessed.warnings.map((warning) => h('li', {}, h('code', {}, warning.ruleId), ' — ', serverText(warning.message)))))
      : null,
    assessed.pathways.length
      ? h('ul', { class: 'results' }, assessed.pathways.map((result) => h('li', { class: 'result', dataset: { pathway: result.pathway } },
        h('p', { class: 'result-title' }, label('pathway', result.pathway), ' ', resultBadge(result.result)),
        result.reasons.length
          ? h('ul', { class: 'reasons' }, result.reasons.map((reason) => h('li', {},
            serverText(reason.message), h('br'), h('span', { class: 'rule' }, h('code', {}, reason.ruleId), ' · ', reason.citation))))
          : null)))
      : emptyState(t('eligibility.noPathways')),
  ];
}

// Payload fields that say nothing to a reader (ids) or are shown another way.
const HIDDEN_FIELDS = new Set(['caseId', 'organizationId', 'assessmentId', 'noteId', 'rfeId', 'client', 'assessment', 'citation']);
// Fields whose values are codes with labels.
const CODE_GROUPS = {
  manner: 'manner', kind: 'eventKind', category: 'eadCategory', deadlineType: 'deadlineType', basis: 'basis',
  urgency: 'urgency', feeExemption: 'feeExemption', reason: 'clockStopReason', filing: 'filing', code: 'closureCode',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

function payloadValue(name, value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'string' && DATE.test(value)) return date(value);
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value);
  if (name === 'assignee') return actorName(value);
  if (typeof value === 'string' && CODE_GROUPS[name]) return label(CODE_GROUPS[name], value);
  if (typeof value === 'object') return null;
  return String(value);
}

function eventDetails(entry) {
  const payload = entry.payload;
  if (!payload) return h('p', { class: 'muted' }, t('timeline.unreadable'));
  const pairs = [];
  if (entry.type === 'CaseOpened' || entry.type === 'ClientDetailsCorrected') {
    pairs.push([t('timeline.client'), `${payload.client?.givenName ?? ''} ${payload.client?.familyName ?? ''}`.trim()]);
  }
  if (entry.type === 'EligibilityAssessed' && payload.assessment) {
    const summary = payload.assessment.pathways.map((result) => `${label('pathway', result.pathway)}: ${label('result', result.result)}`).join(' · ');
    pairs.push([t('timeline.results'), summary || '—']);
    pairs.push([t('timeline.deadlines'), String(payload.assessment.deadlines.length)]);
    pairs.push([t('timeline.ruleSet'), payload.assessment.ruleSetVersion]);
  }
  for (const [name, value] of Object.entries(payload)) {
    if (HIDDEN_FIELDS.has(name)) continue;
    const shown = payloadValue(name, value);
    if (shown !== null && shown !== '') pairs.push([label('payloadField', name), shown]);
  }
  if (payload.ruleId) pairs.push([t('timeline.citation'), payload.citation ?? '']);
  return facts(pairs, 'facts facts-compact');
}

/** Every event of the case, newest first; onAsOf (auditors) offers "the case as of this event". */
export function timeline(history, { onAsOf } = {}) {
  if (!history.length) return emptyState(t('timeline.empty'));
  const entries = [...history].reverse();
  return h('ol', { class: 'timeline', reversed: true }, entries.map((entry) => h('li', {
    class: 'timeline-entry', dataset: { eventType: entry.type, sequence: entry.sequence },
  },
  h('div', { class: 'timeline-head' },
    h('span', { class: 'timeline-type' }, label('eventType', entry.type)),
    h('span', { class: 'muted' }, ' #', String(entry.sequence))),
  h('p', { class: 'timeline-meta' },
    h('time', { datetime: entry.occurredAt }, formatDateTime(entry.occurredAt)), ' · ', actorName(entry.actor)),
  eventDetails(entry),
  onAsOf ? h('button', { type: 'button', class: 'link-button', onclick: () => onAsOf(entry.occurredAt) }, t('timeline.asOfHere')) : null)));
}
