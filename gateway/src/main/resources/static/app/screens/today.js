// Today: the organization's deadlines due soonest (overdue, this week, this month), each with its rule,
// citation and case, and the unread notifications. Refreshed live when a notification arrives.
import { api } from '../api.js';
import { h, serverText, show } from '../dom.js';
import { caseHref, dateWithDistance, deadlineStatusBadge } from '../format.js';
import { daysFromToday, formatDate, formatDateTime, formatNumber, label, t, tn } from '../i18n.js';
import { emptyState, errorBox, loading, screenHeading } from '../layout.js';
import { problemText } from '../forms.js';
import { user } from '../session.js';

const WITHIN = 'P30D';
const FIRST_LIMIT = 200;
const MORE_LIMIT = 1000;
const NOTIFICATIONS_LIMIT = 50;

export function render({ outlet }) {
  performance.clearMarks('haven:today:ready');
  let limit = FIRST_LIMIT;
  let disposed = false;
  let refreshTimer = null;
  const deadlinesSection = h('section', { class: 'card', 'aria-labelledby': 'deadlines-title', id: 'today-deadlines' },
    h('h2', { id: 'deadlines-title' }, t('today.deadlines')), loading());
  const notificationsSection = h('section', { class: 'card', 'aria-labelledby': 'notifications-title', id: 'today-notifications' },
    h('h2', { id: 'notifications-title' }, t('today.notifications')), loading());

  show(outlet,
    screenHeading(t('today.title'), h('p', { class: 'muted' }, t('today.subtitle', {
      date: formatDate(isoToday()), organization: user()?.organization ?? '',
    }))),
    h('div', { class: 'today-grid' }, deadlinesSection, notificationsSection));

  async function load() {
    const [deadlines, notifications] = await Promise.allSettled([
      api('/api/deadlines', { query: { within: WITHIN, limit } }),
      api('/api/notifications', { query: { unread: true, limit: NOTIFICATIONS_LIMIT } }),
    ]);
    if (disposed) return;
    renderDeadlines(deadlines);
    renderNotifications(notifications);
    outlet.dataset.loadedAt = String(Date.now());
    if (performance.getEntriesByName('haven:today:ready').length === 0) performance.mark('haven:today:ready');
  }

  function renderDeadlines(result) {
    const heading = h('h2', { id: 'deadlines-title' }, t('today.deadlines'));
    if (result.status === 'rejected') {
      show(deadlinesSection, heading, errorBox(problemText(result.reason)));
      return;
    }
    const all = result.value;
    const open = all.filter((deadline) => deadline.status !== 'MET');
    const groups = [
      { key: 'overdue', items: open.filter((d) => d.status === 'OVERDUE' || daysFromToday(d.dueOn) < 0) },
      { key: 'week', items: open.filter((d) => d.status !== 'OVERDUE' && daysFromToday(d.dueOn) >= 0 && daysFromToday(d.dueOn) <= 6) },
      { key: 'month', items: open.filter((d) => d.status !== 'OVERDUE' && daysFromToday(d.dueOn) > 6) },
    ];
    const met = all.length - open.length;
    show(deadlinesSection, heading,
      h('p', { class: 'muted' }, t('today.deadlinesScope')),
      groups.map((group) => h('div', { class: `deadline-group deadline-group-${group.key}`, dataset: { group: group.key } },
        h('h3', {}, t(`today.group.${group.key}`), ' ', h('span', { class: 'count' }, formatNumber(group.items.length))),
        group.items.length
          ? h('ul', { class: 'deadline-list' }, group.items.map(deadlineItem))
          : emptyState(t(`today.group.${group.key}.empty`)))),
      met > 0 ? h('p', { class: 'muted' }, tn('today.metHidden', met)) : null,
      all.length >= limit
        ? h('p', { class: 'notice' }, t('today.truncated', { count: formatNumber(limit) }),
          limit < MORE_LIMIT ? [' ', h('button', {
            type: 'button', class: 'button button-quiet', onclick: () => { limit = MORE_LIMIT; load(); },
          }, t('today.showMore', { count: formatNumber(MORE_LIMIT) }))] : null)
        : null);
  }

  function renderNotifications(result) {
    const heading = h('h2', { id: 'notifications-title' }, t('today.notifications'));
    if (result.status === 'rejected') {
      show(notificationsSection, heading, errorBox(problemText(result.reason)));
      return;
    }
    const items = result.value;
    show(notificationsSection, heading,
      items.length
        ? h('ul', { class: 'notification-list' }, items.map(notificationItem))
        : emptyState(t('today.noNotifications')));
  }

  function notificationItem(notification) {
    const markRead = h('button', { type: 'button', class: 'button button-quiet button-small' }, t('today.markRead'));
    const item = h('li', { class: `notification notification-${notification.kind.toLowerCase()}`, dataset: { eventType: notification.eventType, caseId: notification.caseId } },
      h('p', { class: 'notification-title' }, label('eventType', notification.eventType), ' ',
        notification.kind !== 'UPDATE' ? h('span', { class: 'badge badge-danger' }, label('notificationKind', notification.kind)) : null),
      h('p', {}, serverText(notification.message, notification.language)),
      notification.nextStep ? h('p', { class: 'muted' }, serverText(notification.nextStep, notification.language)) : null,
      notification.ruleId ? h('p', { class: 'rule' }, h('code', {}, notification.ruleId), notification.citation ? [' · ', notification.citation] : null) : null,
      h('p', { class: 'notification-meta' },
        h('time', { datetime: notification.createdAt }, formatDateTime(notification.createdAt)), ' · ',
        h('a', { href: caseHref(notification.caseId) }, t('today.openCase')), ' ',
        markRead));
    markRead.addEventListener('click', async () => {
      markRead.disabled = true;
      try {
        await api(`/api/notifications/${encodeURIComponent(notification.id)}/read`, { method: 'POST' });
        item.remove();
      } catch (error) {
        markRead.disabled = false;
        item.append(errorBox(problemText(error)));
      }
    });
    return item;
  }

  function refreshSoon() {
    clearTimeout(refreshTimer);
    // Once at once and once more a little later: the read model may commit just after the notification.
    refreshTimer = setTimeout(() => {
      load();
      refreshTimer = setTimeout(load, 2500);
    }, 300);
  }

  load();
  return {
    onNotification: refreshSoon,
    onResync: refreshSoon,
    dispose: () => {
      disposed = true;
      clearTimeout(refreshTimer);
    },
  };
}

function deadlineItem(deadline) {
  return h('li', { class: `deadline deadline-${deadline.status.toLowerCase()}`, dataset: { type: deadline.type, caseId: deadline.caseId } },
    h('div', { class: 'deadline-when' }, dateWithDistance(deadline.dueOn)),
    h('div', { class: 'deadline-what' },
      h('p', { class: 'deadline-type' }, label('deadlineType', deadline.type), ' ', deadlineStatusBadge(deadline.status)),
      h('p', { class: 'rule' }, h('code', {}, deadline.ruleId), ' · ', deadline.citation),
      h('p', {}, h('a', { href: caseHref(deadline.caseId) },
        [deadline.client?.givenName, deadline.client?.familyName].filter(Boolean).join(' '), ' · ', deadline.caseNumber))));
}

function isoToday() {
  const now = new Date();
  const pad = (value) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
