// Short messages about what just happened, in a polite live region; they never take the focus.
import { h } from './dom.js';
import { t } from './i18n.js';

const STAY_MILLIS = 10_000;
const MAX_SHOWN = 3;

/** @param options title, text (optional), textLanguage (of text, when it came from a server), href + linkText, urgent */
export function toast({ title, text, textLanguage, href, linkText, urgent = false }) {
  const region = document.getElementById('toasts');
  if (!region) return;
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': t('toast.dismiss') }, '×');
  const item = h('div', { class: urgent ? 'toast toast-urgent' : 'toast', dataset: { toast: '' } },
    h('p', { class: 'toast-title' }, title),
    text ? h('p', { class: 'toast-text', lang: textLanguage }, text) : null,
    href ? h('a', { href, class: 'toast-link' }, linkText ?? t('toast.open')) : null,
    close);
  const remove = () => item.remove();
  close.addEventListener('click', remove);
  region.append(item);
  while (region.children.length > MAX_SHOWN) region.firstElementChild.remove();
  let timer = setTimeout(remove, STAY_MILLIS);
  // Someone reading or about to click keeps it.
  item.addEventListener('mouseenter', () => clearTimeout(timer));
  item.addEventListener('focusin', () => clearTimeout(timer));
  item.addEventListener('mouseleave', () => { timer = setTimeout(remove, STAY_MILLIS); });
}
