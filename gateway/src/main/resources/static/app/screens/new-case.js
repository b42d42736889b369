// Open a case: the client's details; the case-service's validation messages appear next to each field.
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { t } from '../i18n.js';
import { buildForm } from '../forms.js';
import { screenHeading } from '../layout.js';
import { rememberOwnWrite } from '../own-writes.js';
import { can } from '../session.js';
import { toast } from '../toast.js';

export function render({ outlet, navigate }) {
  if (!can.openCase()) {
    show(outlet, screenHeading(t('newCase.title')), h('p', { class: 'notice' }, t('error.forbidden')));
    return;
  }
  const form = buildForm({
    action: 'open-case',
    submitLabel: t('newCase.submit'),
    cancel: h('a', { href: '/cases', class: 'button button-quiet' }, t('form.cancel')),
    fields: [
      { name: 'client.givenName', label: t('field.givenName'), required: true, autocomplete: 'off' },
      { name: 'client.familyName', label: t('field.familyName'), required: true, autocomplete: 'off' },
      { name: 'client.dateOfBirth', label: t('field.dateOfBirth'), type: 'date', required: true },
      {
        name: 'client.countryOfNationality', label: t('field.countryOfNationality'), required: true,
        hint: t('field.countryOfNationality.hint'), transform: (value) => value.toUpperCase(),
      },
      {
        name: 'client.preferredLanguage', label: t('field.preferredLanguage'), type: 'select', required: true,
        options: [{ value: 'en', label: t('language.en') }, { value: 'es', label: t('language.es') }],
      },
      { name: 'lastArrivalDate', label: t('field.lastArrivalDate'), type: 'date', hint: t('field.lastArrivalDate.hint') },
      { name: 'unaccompaniedMinor', label: t('field.unaccompaniedMinor'), type: 'checkbox', hint: t('field.unaccompaniedMinor.hint') },
    ],
    onSubmit: async (values) => {
      const created = await api('/api/cases', { method: 'POST', body: values });
      rememberOwnWrite(created.id, 'CaseOpened');
      toast({ title: t('newCase.opened') });
      navigate(`/cases/${created.id}`);
    },
  });
  show(outlet, screenHeading(t('newCase.title')), h('section', { class: 'card' }, h('p', {}, t('newCase.intro')), form));
}
