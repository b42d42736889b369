// Sign-in with a username and password (the local stack's seeded users; OIDC in production).
import { ApiError } from '../api.js';
import { h, show } from '../dom.js';
import { t } from '../i18n.js';
import { buildForm } from '../forms.js';
import { screenHeading } from '../layout.js';
import { signIn } from '../session.js';
import { safeNext } from '../navigation.js';

export function render({ outlet, query, navigate }) {
  const notice = query.get('expired')
    ? h('div', { class: 'notice notice-warning', role: 'status' }, h('p', {}, t('signin.expired')))
    : query.get('signedOut')
      ? h('div', { class: 'notice', role: 'status' }, h('p', {}, t('signin.signedOut')))
      : null;
  const form = buildForm({
    action: 'sign-in',
    className: 'form form-narrow',
    submitLabel: t('signin.submit'),
    fields: [
      { name: 'username', label: t('signin.username'), required: true, autocomplete: 'username' },
      { name: 'password', label: t('signin.password'), type: 'password', required: true, autocomplete: 'current-password' },
    ],
    onSubmit: async (values) => {
      try {
        await signIn(values.username ?? '', values.password ?? '');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) throw new ApiError(401, { detail: t('signin.failed') });
        throw error;
      }
      navigate(safeNext(query.get('next')), { replace: true });
    },
  });
  show(outlet, h('section', { class: 'signin card' }, screenHeading(t('signin.title')), h('p', {}, t('signin.intro')), notice, form));
}
