// Starts the UI: who is signed in, the router and its screens, the header, the live feed, and the language.
import { onUnauthorized } from './api.js';
import { h, show } from './dom.js';
import { currentLanguage, label, onLanguageChange, t } from './i18n.js';
import { renderHeader, updateLiveIndicator } from './layout.js';
import { liveState, onLive, onLiveState, startLive, stopLive } from './live.js';
import { safeNext } from './navigation.js';
import { createRouter } from './router.js';
import { forget, loadSession, signOut, user } from './session.js';
import { isOwnWrite } from './own-writes.js';
import { toast } from './toast.js';
import * as admin from './screens/admin.js';
import * as caseScreen from './screens/case.js';
import * as cases from './screens/cases.js';
import * as newCase from './screens/new-case.js';
import * as notFound from './screens/not-found.js';
import * as signin from './screens/signin.js';
import * as today from './screens/today.js';

const outlet = document.getElementById('main');

const routes = [
  { path: '/', screen: { render: ({ navigate }) => navigate('/today', { replace: true }) } },
  { path: '/signin', screen: signin, public: true },
  { path: '/today', screen: today },
  { path: '/cases', screen: cases },
  { path: '/cases/new', screen: newCase },
  { path: '/cases/:id', screen: caseScreen },
  { path: '/admin', screen: admin },
];

const router = createRouter({
  routes,
  outlet,
  notFound,
  guard: (route, url) => {
    if (route.public && route.path === '/signin' && user()) return safeNext(url.searchParams.get('next'));
    if (!route.public && !user()) return `/signin?next=${encodeURIComponent(url.pathname + url.search)}`;
    return null;
  },
  afterRender: (route) => {
    header();
    const title = outlet.querySelector('h1');
    document.title = title ? `${title.textContent} · Haven` : 'Haven';
    (title ?? outlet).focus({ preventScroll: false });
    if (user()) startLive();
    else stopLive();
  },
});

function header() {
  renderHeader({ onSignOut: signOutAndLeave, liveState: liveState() });
}

async function signOutAndLeave() {
  stopLive();
  await signOut().catch(() => {});
  router.navigate('/signin?signedOut=1');
}

// The session ended while the page was open (expired, or signed out in another tab).
onUnauthorized(() => {
  if (!user()) return;
  forget();
  stopLive();
  router.navigate(`/signin?expired=1&next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
});

onLanguageChange(() => router.refresh());

onLiveState(updateLiveIndicator);

// Every notification names what happened in a toast, and the open screen refreshes what it shows.
onLive((message) => {
  if (message.kind === 'notification' && !isOwnWrite(message.notification.caseId, message.notification.eventType)) {
    const notification = message.notification;
    const urgent = notification.kind === 'URGENT_REMINDER' || notification.kind === 'URGENT_ALERT';
    toast({
      title: label('eventType', notification.eventType),
      text: notification.message,
      textLanguage: notification.language,
      href: `/cases/${notification.caseId}`,
      linkText: t('toast.openCase'),
      urgent,
    });
  }
  const screen = router.current();
  if (message.kind === 'notification') screen?.onNotification?.(message.notification);
  else screen?.onResync?.();
});

// Keep the skip link working with a history router: focus the main region instead of changing the URL.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  (outlet.querySelector('h1') ?? outlet).focus();
});

async function start() {
  document.documentElement.lang = currentLanguage();
  try {
    await loadSession();
  } catch {
    show(outlet, h('div', { class: 'notice notice-error', role: 'alert' }, h('p', {}, t('error.server'))));
    return;
  }
  header();
  await router.start();
}

start();
