// ADMIN: the organization's API keys (for its own tools): list, create (the key is shown once), revoke.
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { formatDateTime, label, t } from '../i18n.js';
import { buildForm, problemText } from '../forms.js';
import { actorName } from '../format.js';
import { emptyState, errorBox, loading, screenHeading } from '../layout.js';
import { can } from '../session.js';

const ROLES = ['INTAKE', 'CASEWORKER', 'AUDITOR', 'ADMIN'];

export function render({ outlet }) {
  if (!can.administer()) {
    show(outlet, screenHeading(t('admin.title')), h('p', { class: 'notice' }, t('error.forbidden')));
    return {};
  }
  const list = h('div', { id: 'api-keys' }, loading());
  const created = h('div', { 'aria-live': 'polite' });
  const form = buildForm({
    action: 'create-api-key',
    submitLabel: t('admin.create'),
    fields: [
      { name: 'name', label: t('admin.keyName'), required: true, hint: t('admin.keyName.hint') },
      { name: 'roles', label: t('admin.roles'), type: 'checkboxes', required: true, options: ROLES.map((role) => ({ value: role, label: label('role', role) })) },
    ],
    onSubmit: async (values, formElement) => {
      const key = await api('/api/admin/api-keys', { method: 'POST', body: values });
      formElement.reset();
      show(created, h('div', { class: 'notice notice-success', role: 'status' },
        h('p', {}, t('admin.created', { name: key.name })),
        h('p', {}, h('code', { class: 'secret' }, key.key)),
        h('p', { class: 'muted' }, t('admin.shownOnce'))));
      load();
    },
  });

  async function load() {
    try {
      const keys = await api('/api/admin/api-keys');
      show(list, keys.length ? h('ul', { class: 'plain-list key-list' }, keys.map(keyItem)) : emptyState(t('admin.noKeys')));
    } catch (error) {
      show(list, errorBox(problemText(error)));
    }
  }

  function keyItem(key) {
    const revoke = key.revokedAt ? null : h('button', { type: 'button', class: 'button button-danger button-small' }, t('admin.revoke'));
    revoke?.addEventListener('click', async () => {
      if (!window.confirm(t('admin.confirmRevoke', { name: key.name }))) return;
      revoke.disabled = true;
      try {
        await api(`/api/admin/api-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
        load();
      } catch (error) {
        revoke.disabled = false;
        list.prepend(errorBox(problemText(error)));
      }
    });
    return h('li', { class: 'key' },
      h('p', {}, h('strong', {}, key.name), ' · ', [...key.roles].map((role) => label('role', role)).join(', ')),
      h('p', { class: 'muted' },
        t('admin.createdBy', { at: formatDateTime(key.createdAt), by: actorName(key.createdBy) }), ' · ',
        key.lastUsedAt ? t('admin.lastUsed', { at: formatDateTime(key.lastUsedAt) }) : t('admin.neverUsed'),
        key.revokedAt ? [' · ', t('admin.revokedAt', { at: formatDateTime(key.revokedAt) })] : null),
      revoke);
  }

  show(outlet, screenHeading(t('admin.title')),
    h('div', { class: 'today-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'keys-title' }, h('h2', { id: 'keys-title' }, t('admin.keys')), list),
      h('section', { class: 'card', 'aria-labelledby': 'new-key-title' }, h('h2', { id: 'new-key-title' }, t('admin.newKey')), created, form)));
  load();
  return {};
}
