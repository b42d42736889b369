// The page header: Haven, the navigation the role may use, who is signed in (organization and role), whether
// live updates are connected, the language switch and sign-out.
import { h, show } from './dom.js';
import { LANGUAGES, currentLanguage, label, setLanguage, t } from './i18n.js';
import { can, user } from './session.js';

export function renderHeader({ onSignOut, liveState }) {
  const header = document.getElementById('app-header');
  const signedIn = user();
  const path = window.location.pathname;
  const navLink = (href, text, active) => h('a', { href, class: 'nav-link', 'aria-current': active ? 'page' : null }, text);

  const nav = signedIn
    ? h('nav', { class: 'app-nav', 'aria-label': t('nav.label') },
      navLink('/today', t('nav.today'), path === '/today' || path === '/'),
      navLink('/cases', t('nav.cases'), path.startsWith('/cases')),
      can.administer() ? navLink('/admin', t('nav.admin'), path === '/admin') : null)
    : null;

  const languageId = 'language-switch';
  const language = h('div', { class: 'language' },
    h('label', { for: languageId, class: 'visually-hidden' }, t('language.label')),
    h('select', {
      id: languageId,
      onchange: (event) => setLanguage(event.target.value),
    }, LANGUAGES.map((code) => h('option', { value: code, selected: code === currentLanguage(), lang: code }, t(`language.${code}`)))));

  const account = signedIn
    ? h('div', { class: 'account' },
      h('span', { class: 'live', dataset: { live: liveState }, title: t(`live.${liveState}`) },
        h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { class: 'live-text' }, t(`live.${liveState}`))),
      h('span', { class: 'who', id: 'signed-in-as' },
        h('span', { class: 'who-name' }, signedIn.username),
        h('span', { class: 'who-detail' },
          t('account.organization', { organization: signedIn.organization }),
          ' · ',
          h('span', { id: 'signed-in-roles' }, signedIn.roles.map((role) => label('role', role)).join(', ')))),
      h('button', { type: 'button', class: 'button button-quiet', id: 'sign-out', onclick: onSignOut }, t('account.signOut')))
    : null;

  show(header,
    h('div', { class: 'header-inner' },
      h('a', { href: signedIn ? '/today' : '/signin', class: 'brand' },
        h('img', { src: '/favicon.svg', alt: '', width: 28, height: 28 }), h('span', {}, 'Haven')),
      nav,
      h('div', { class: 'header-end' }, account, language)));
  document.getElementById('skip-link').textContent = t('nav.skip');
}

/** Updates only the live indicator (no full header re-render while someone may be using the language menu). */
export function updateLiveIndicator(state) {
  const live = document.querySelector('.live');
  if (!live) return;
  live.dataset.live = state;
  live.title = t(`live.${state}`);
  live.querySelector('.live-text').textContent = t(`live.${state}`);
}

/** A screen's heading, which takes the focus when the screen opens. */
export function screenHeading(text, extra = null) {
  return h('div', { class: 'screen-heading' }, h('h1', { tabindex: '-1', id: 'screen-title' }, text), extra);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('state.loading'));
}

export function errorBox(text) {
  return h('div', { class: 'notice notice-error', role: 'alert' }, h('p', {}, text));
}

export function emptyState(text) {
  return h('p', { class: 'empty' }, text);
}
