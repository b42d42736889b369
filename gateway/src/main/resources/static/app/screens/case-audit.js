// The auditor's tools on a case: the hash chain's verification, and the case as it was at a chosen instant.
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { badge, facts } from '../format.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';
import { errorBox, loading } from '../layout.js';
import { problemText } from '../forms.js';
import { clientSummary, deadlineList, eligibility, pathwayStatus } from './case-view.js';

export async function verification(caseId) {
  try {
    const result = await api(`/api/audit/cases/${encodeURIComponent(caseId)}/verify`);
    return h('div', { class: result.valid ? 'notice notice-success' : 'notice notice-error', id: 'chain-verification', dataset: { valid: String(result.valid) } },
      h('p', {}, badge(result.valid ? t('audit.valid') : t('audit.broken'), result.valid ? 'success' : 'danger'), ' ',
        result.valid
          ? t('audit.validText', { events: formatNumber(result.events) })
          : t('audit.brokenText', { events: formatNumber(result.events), sequence: result.firstBrokenSequence ?? '?' })),
      h('p', { class: 'muted' }, t('audit.checkedAt', { at: formatDateTime(new Date().toISOString()) })));
  } catch (error) {
    return errorBox(problemText(error));
  }
}

/** The as-of picker and its result. Returns {element, showAsOf(instant)}. */
export function asOfView(caseId) {
  const inputId = 'as-of-instant';
  const input = h('input', { id: inputId, name: 'asOf', type: 'datetime-local', step: 1, required: true, 'aria-describedby': 'as-of-hint' });
  const result = h('div', { class: 'as-of-result', id: 'as-of-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'query-form', role: 'search', 'aria-label': t('audit.asOf'), dataset: { query: 'as-of' } },
    h('div', { class: 'field' }, h('label', { for: inputId }, t('audit.asOfLabel')), h('p', { class: 'field-hint', id: 'as-of-hint' }, t('audit.asOfHint')), input),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('audit.show')),
      h('button', { type: 'button', class: 'button button-quiet', onclick: () => { show(result); input.value = ''; } }, t('audit.clear'))));

  async function showAsOf(instant) {
    input.value = toLocalInput(new Date(instant));
    show(result, loading());
    try {
      // The instant as given: a history entry's occurredAt keeps its microseconds, so its own event is included.
      const view = await api(`/api/cases/${encodeURIComponent(caseId)}`, { query: { asOf: instant } });
      const deadlines = view.eligibility?.deadlines ?? [];
      show(result,
        h('h3', {}, t('audit.asOfTitle', { at: formatDateTime(instant) })),
        h('p', { class: 'muted' }, t('audit.asOfVersion', { version: view.version })),
        clientSummary(view),
        h('h4', {}, t('case.pathways')), pathwayStatus(view, deadlines),
        h('h4', {}, t('case.deadlines')), deadlineList(deadlines),
        h('h4', {}, t('case.eligibility')), eligibility(view));
    } catch (error) {
      show(result, errorBox(error.status === 404 ? t('audit.notYet') : problemText(error)));
    }
    result.scrollIntoView({ block: 'nearest' });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value) {
      show(result, errorBox(t('audit.pickInstant')));
      input.focus();
      return;
    }
    showAsOf(new Date(input.value).toISOString());
  });
  return { element: h('div', {}, form, result), showAsOf };
}

/** 2026-01-05T10:00:07 in the browser's time zone, as datetime-local wants it (second precision). */
function toLocalInput(date) {
  const pad = (value) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
