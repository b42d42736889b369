// The organization's cases: search (name, case number, receipt number), filters (status, pathway, assignee),
// pages by cursor. The filters live in the address, so a filtered list can be bookmarked and Back works.
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { actorName, caseHref, caseStatusBadge } from '../format.js';
import { formatDateTime, label, t } from '../i18n.js';
import { emptyState, errorBox, loading, screenHeading } from '../layout.js';
import { problemText, validationMessage } from '../forms.js';
import { can, subject } from '../session.js';

export const PATHWAYS = ['PAROLE', 'REPAROLE', 'ASYLUM', 'REFUGEE_ADJUSTMENT', 'ASYLEE_ADJUSTMENT', 'TPS', 'EAD'];
const PAGE_SIZE = 25;

export function render({ outlet, query, navigate }) {
  const filters = {
    q: query.get('q') ?? '',
    status: query.get('status') ?? '',
    pathway: query.get('pathway') ?? '',
    assignee: query.get('assignee') ?? '',
  };
  const cursor = query.get('cursor');
  let disposed = false;
  let refreshTimer = null;

  const results = h('div', { class: 'case-results', 'aria-live': 'polite' }, loading());
  const search = searchForm(filters, (next) => navigate(`/cases?${new URLSearchParams(Object.entries(next).filter(([, v]) => v))}`));

  show(outlet,
    screenHeading(t('cases.title'), can.openCase() ? h('a', { href: '/cases/new', class: 'button button-primary', id: 'open-case' }, t('cases.open')) : null),
    h('section', { class: 'card' }, search, results));

  async function load() {
    try {
      const page = await api('/api/cases', { query: { ...filters, limit: PAGE_SIZE, cursor } });
      if (!disposed) show(results, table(page, filters, cursor));
    } catch (error) {
      if (disposed) return;
      const fieldErrors = Object.entries(error.fieldErrors ?? {});
      show(results, errorBox(fieldErrors.length
        ? fieldErrors.map(([field, messages]) => `${field}: ${messages.map(validationMessage).join('; ')}`).join(' · ')
        : problemText(error)));
    }
  }

  load();
  return {
    onNotification: () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(load, 500);
    },
    onResync: load,
    dispose: () => {
      disposed = true;
      clearTimeout(refreshTimer);
    },
  };
}

function searchForm(filters, apply) {
  const q = h('input', { id: 'cases-q', name: 'q', type: 'search', value: filters.q, autocomplete: 'off' });
  const status = h('select', { id: 'cases-status', name: 'status' },
    h('option', { value: '' }, t('cases.any')),
    ['OPEN', 'CLOSED'].map((code) => h('option', { value: code, selected: filters.status === code }, label('caseStatus', code))));
  const pathway = h('select', { id: 'cases-pathway', name: 'pathway' },
    h('option', { value: '' }, t('cases.any')),
    PATHWAYS.map((code) => h('option', { value: code, selected: filters.pathway === code }, label('pathway', code))));
  const assignee = h('input', { id: 'cases-assignee', name: 'assignee', type: 'text', value: filters.assignee, autocomplete: 'off', 'aria-describedby': 'cases-assignee-hint' });
  const mine = h('button', { type: 'button', class: 'button button-quiet button-small' }, t('cases.mine'));
  mine.addEventListener('click', () => { assignee.value = subject() ?? ''; });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('cases.searchLabel') },
    h('div', { class: 'field field-grow' }, h('label', { for: 'cases-q' }, t('cases.q')), q),
    h('div', { class: 'field' }, h('label', { for: 'cases-status' }, t('cases.status')), status),
    h('div', { class: 'field' }, h('label', { for: 'cases-pathway' }, t('cases.pathway')), pathway),
    h('div', { class: 'field' }, h('label', { for: 'cases-assignee' }, t('cases.assignee')), assignee,
      h('p', { class: 'field-hint', id: 'cases-assignee-hint' }, t('cases.assigneeHint'), ' ', mine)),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('cases.search')),
      h('a', { href: '/cases', class: 'button button-quiet' }, t('cases.clear'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply({ q: q.value.trim(), status: status.value, pathway: pathway.value, assignee: assignee.value.trim() });
  });
  return form;
}

function table(page, filters, cursor) {
  if (page.items.length === 0) return emptyState(cursor ? t('cases.noMore') : t('cases.none'));
  const columns = [t('cases.col.case'), t('cases.col.client'), t('cases.col.status'), t('cases.col.pathways'), t('cases.col.assignee'), t('cases.col.updated')];
  const rows = page.items.map((item) => h('tr', { dataset: { caseId: item.id } },
    h('td', { 'data-label': columns[0] }, h('a', { href: caseHref(item.id) }, item.caseNumber)),
    h('td', { 'data-label': columns[1] }, `${item.client.givenName} ${item.client.familyName}`),
    h('td', { 'data-label': columns[2] }, caseStatusBadge(item.status)),
    h('td', { 'data-label': columns[3] }, item.pathways.map((pathway) => label('pathway', pathway)).join(', ') || '—'),
    h('td', { 'data-label': columns[4] }, item.assignee ? actorName(item.assignee) : '—'),
    h('td', { 'data-label': columns[5] }, h('time', { datetime: item.updatedAt }, formatDateTime(item.updatedAt)))));
  const base = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const next = page.nextCursor ? new URLSearchParams(base) : null;
  next?.set('cursor', page.nextCursor);
  return [
    h('div', { class: 'table-wrap' },
      h('table', { class: 'table table-responsive', id: 'case-table' },
        h('caption', { class: 'visually-hidden' }, t('cases.caption')),
        h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('cases.pages') },
      cursor ? h('a', { href: `/cases?${base}`, class: 'button button-quiet' }, t('cases.firstPage')) : null,
      next ? h('a', { href: `/cases?${next}`, class: 'button button-quiet', rel: 'next', id: 'next-page' }, t('cases.nextPage')) : null),
  ];
}
