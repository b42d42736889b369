import { h, show } from '../dom.js';
import { t } from '../i18n.js';
import { screenHeading } from '../layout.js';

export function render({ outlet }) {
  show(outlet, h('section', { class: 'card' }, screenHeading(t('notFound.title')), h('p', {}, t('notFound.text')),
    h('p', {}, h('a', { href: '/today' }, t('notFound.back')))));
}
