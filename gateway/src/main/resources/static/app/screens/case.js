// The case page: client summary, status per pathway, computed deadlines, eligibility results, the timeline of
// every event, the actions the role may take, and for audit roles the chain verification and the as-of view.
// Live: a notification about this case refreshes what changed; so does a quiet check of the case's version
// (events that give no notification, such as an eligibility assessment, still show within seconds).
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { clientName } from '../format.js';
import { t } from '../i18n.js';
import { errorBox, loading, screenHeading } from '../layout.js';
import { problemText } from '../forms.js';
import { can } from '../session.js';
import { caseActions } from './case-actions.js';
import { asOfView, verification } from './case-audit.js';
import { clientSummary, deadlineList, eligibility, pathwayStatus, timeline } from './case-view.js';

const VERSION_CHECK_MILLIS = 10_000;
const FOLLOW_UP_MILLIS = [1000, 2500, 5000, 9000];

export async function render({ outlet, params }) {
  const caseId = params.id;
  let disposed = false;
  let shown = null; // {view, deadlines, history}
  let timers = [];
  let refreshing = null;
  let versionCheck = null;

  show(outlet, loading());
  let first;
  try {
    first = await fetchAll();
  } catch (error) {
    show(outlet, screenHeading(error.status === 404 ? t('case.notFoundTitle') : t('case.title')),
      error.status === 404
        ? h('section', { class: 'card', id: 'case-not-found' }, h('p', {}, t('case.notFound')), h('p', {}, h('a', { href: '/cases' }, t('case.backToCases'))))
        : errorBox(problemText(error)));
    return {};
  }

  const sections = {
    summary: h('div', { id: 'case-summary' }),
    pathways: h('div', { id: 'case-pathways' }),
    deadlines: h('div', { id: 'case-deadlines' }),
    eligibility: h('div', { id: 'case-eligibility' }),
    timeline: h('div', { id: 'case-timeline' }),
    actions: h('div', { id: 'case-actions' }),
    verification: h('div', { id: 'case-verification' }),
  };
  const heading = h('div', {});
  const audit = can.audit() ? asOfView(caseId) : null;
  const section = (id, title, ...content) => h('section', { class: 'card', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), ...content);

  show(outlet,
    heading,
    h('div', { class: 'case-layout' },
      h('div', { class: 'case-main' },
        section('pathways', t('case.pathways'), sections.pathways),
        section('deadlines', t('case.deadlines'), h('p', { class: 'muted' }, t('case.deadlinesSource')), sections.deadlines),
        section('eligibility', t('case.eligibility'), sections.eligibility),
        section('timeline', t('case.timeline'), sections.timeline)),
      h('div', { class: 'case-side' },
        section('summary', t('case.client'), sections.summary),
        sections.actions,
        audit ? section('audit', t('audit.title'),
          h('h3', {}, t('audit.chain')), sections.verification,
          h('h3', {}, t('audit.asOf')), audit.element) : null)));

  apply(first, true);

  async function fetchAll() {
    const [view, deadlines, history] = await Promise.all([
      api(`/api/cases/${encodeURIComponent(caseId)}`),
      api(`/api/cases/${encodeURIComponent(caseId)}/deadlines`),
      api(`/api/cases/${encodeURIComponent(caseId)}/history`),
    ]);
    return { view, deadlines, history };
  }

  /** Replaces only the parts whose data changed, so a refresh does not disturb a form being filled in. */
  function apply(next, firstTime = false) {
    const changed = (pick) => firstTime || JSON.stringify(pick(shown)) !== JSON.stringify(pick(next));
    if (changed((data) => [data.view.client, data.view.caseNumber, data.view.status, data.view.assignee])) {
      show(heading, screenHeading(clientName(next.view.client), h('p', { class: 'muted case-number' }, next.view.caseNumber)));
    }
    if (changed((data) => data.view)) show(sections.summary, clientSummary(next.view));
    if (changed((data) => [data.view, data.deadlines])) show(sections.pathways, pathwayStatus(next.view, next.deadlines));
    if (changed((data) => data.deadlines)) show(sections.deadlines, deadlineList(next.deadlines));
    if (changed((data) => data.view.eligibility)) show(sections.eligibility, eligibility(next.view));
    if (changed((data) => data.history)) {
      show(sections.timeline, timeline(next.history, { onAsOf: audit ? audit.showAsOf : null }));
      if (audit) verification(caseId).then((result) => { if (!disposed) show(sections.verification, result); });
    }
    if (changed((data) => [data.view.status, data.view.assignee])) {
      const actions = caseActions(next.view, followUp);
      show(sections.actions, actions ? h('section', { class: 'card', 'aria-labelledby': 'actions-title' },
        h('h2', { id: 'actions-title' }, t('case.actions')), actions) : null);
    }
    shown = next;
    outlet.dataset.version = String(next.view.version);
  }

  async function refresh() {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      try {
        const next = await fetchAll();
        if (!disposed) apply(next);
      } catch (error) {
        if (!disposed && error.status === 404) show(sections.summary, errorBox(t('case.gone')));
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  /** After a write (ours or announced): refresh now and a few times more, as the assessment that follows lands. */
  function followUp() {
    timers.forEach(clearTimeout);
    refresh();
    timers = FOLLOW_UP_MILLIS.map((delay) => setTimeout(refresh, delay));
  }

  // Quietly compare the version while the page is visible; a change anyone made shows within seconds.
  versionCheck = setInterval(async () => {
    if (document.visibilityState !== 'visible' || refreshing) return;
    try {
      const view = await api(`/api/cases/${encodeURIComponent(caseId)}`);
      if (!disposed && shown && view.version !== shown.view.version) refresh();
    } catch {
      // the next check tries again
    }
  }, VERSION_CHECK_MILLIS);

  return {
    onNotification: (notification) => {
      if (notification.caseId === caseId) followUp();
    },
    onResync: refresh,
    dispose: () => {
      disposed = true;
      timers.forEach(clearTimeout);
      clearInterval(versionCheck);
    },
  };
}
