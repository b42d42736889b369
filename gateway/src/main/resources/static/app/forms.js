// Forms built from field lists. Values are sent as the API's JSON (dotted names become nested objects; an
// empty field is left out), and a 400 problem+json is shown field by field, next to each input, from
// errors[].field. The browser's own validation is off (novalidate): the services are the one judge.
import { ApiError } from './api.js';
import { h, show, uid } from './dom.js';
import { has, t } from './i18n.js';

/**
 * A field: {name: 'client.givenName', label: 'Given name', type: 'text'|'date'|'datetime-local'|'select'|
 * 'checkbox'|'textarea'|'number', options: [{value, label}], required, hint, autocomplete, value, inputmode}
 */
export function buildForm({ fields, submitLabel, onSubmit, action, className = 'form', cancel, describedBy }) {
  const summary = h('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, submitLabel);
  const controls = new Map();
  const form = h('form', {
    class: className, novalidate: true, 'data-action': action, 'aria-describedby': describedBy,
  }, summary);
  for (const field of fields) {
    const built = buildField(field);
    controls.set(field.name, built);
    form.append(built.wrapper);
  }
  form.append(h('div', { class: 'form-actions' }, submit, cancel ?? null));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(controls, summary);
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(readValues(fields, controls), form);
    } catch (error) {
      showErrors(error, controls, summary);
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

function buildField(field) {
  const id = uid(`field-${field.name.replace(/\W/g, '-')}`);
  const hintId = field.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const hint = field.hint ? h('p', { class: 'field-hint', id: hintId }, field.hint) : null;
  const common = {
    id, name: field.name, 'aria-describedby': [hintId].filter(Boolean).join(' ') || null,
    'aria-required': field.required ? 'true' : null, autocomplete: field.autocomplete ?? 'off',
  };
  if (field.type === 'checkboxes') return buildCheckboxes(field, id, hint, hintId, error);
  let input;
  if (field.type === 'select') {
    input = h('select', common,
      field.required ? null : h('option', { value: '' }, t('form.choose')),
      (field.options ?? []).map((option) => h('option', { value: option.value, selected: option.value === field.value }, option.label)));
    if (field.required && field.value === undefined) input.value = field.options?.[0]?.value ?? '';
  } else if (field.type === 'textarea') {
    input = h('textarea', { ...common, rows: 3 });
    if (field.value) input.value = field.value;
  } else if (field.type === 'checkbox') {
    input = h('input', { ...common, type: 'checkbox', checked: Boolean(field.value), 'aria-required': null });
  } else {
    input = h('input', { ...common, type: field.type ?? 'text', inputmode: field.inputmode, value: field.value, max: field.max, min: field.min });
  }
  const labelText = [field.label, field.required ? h('span', { class: 'required' }, ` ${t('form.required')}`) : null];
  const wrapper = field.type === 'checkbox'
    ? h('div', { class: 'field field-checkbox' }, input, h('label', { for: id }, labelText), hint, error)
    : h('div', { class: 'field' }, h('label', { for: id }, labelText), hint, input, error);
  return { wrapper, input, error, hintId, field };
}

/** A group of checkboxes for one list-valued field: a fieldset whose legend is the label. */
function buildCheckboxes(field, id, hint, hintId, error) {
  const boxes = (field.options ?? []).map((option, index) => {
    const boxId = `${id}-${index}`;
    return {
      value: option.value,
      input: h('input', { id: boxId, type: 'checkbox', name: field.name, value: option.value, checked: (field.value ?? []).includes(option.value) }),
      label: option.label,
    };
  });
  const fieldset = h('fieldset', { class: 'field field-group', 'aria-describedby': hintId, tabindex: '-1' },
    h('legend', {}, field.label, field.required ? h('span', { class: 'required' }, ` ${t('form.required')}`) : null),
    hint,
    h('div', { class: 'choices' }, boxes.map((box) => h('div', { class: 'field-checkbox' }, box.input, h('label', { for: box.input.id }, box.label)))),
    error);
  return { wrapper: fieldset, input: fieldset, boxes, error, hintId, field };
}

function readValues(fields, controls) {
  const values = {};
  for (const field of fields) {
    const { input } = controls.get(field.name);
    let value;
    if (field.type === 'checkboxes') value = controls.get(field.name).boxes.filter((box) => box.input.checked).map((box) => box.value);
    else if (field.type === 'checkbox') value = input.checked;
    else if (field.type === 'number') value = input.value === '' ? undefined : Number(input.value);
    else value = input.value.trim() === '' ? undefined : input.value.trim();
    if (field.transform && value !== undefined) value = field.transform(value);
    if (value !== undefined) setPath(values, field.name, value);
  }
  return values;
}

function setPath(target, path, value) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  node[parts.at(-1)] = value;
}

function clearErrors(controls, summary) {
  summary.hidden = true;
  summary.replaceChildren();
  for (const { input, error, hintId } of controls.values()) {
    error.hidden = true;
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', hintId ?? '');
  }
}

function showErrors(error, controls, summary) {
  if (!(error instanceof ApiError)) {
    console.error(error);
    showSummary(summary, t('error.unexpected'));
    return;
  }
  const unplaced = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const control = controls.get(field) ?? controls.get(closestField(field, controls));
    if (!control) {
      unplaced.push(`${field}: ${messages.map(validationMessage).join('; ')}`);
      continue;
    }
    control.error.hidden = false;
    control.error.textContent = messages.map(validationMessage).join('; ');
    control.input.setAttribute('aria-invalid', 'true');
    control.input.setAttribute('aria-describedby', [control.hintId, control.error.id].filter(Boolean).join(' '));
  }
  // The first field in the form's order, not the order of the service's list.
  const first = [...controls.values()].find((control) => control.input.getAttribute('aria-invalid') === 'true')?.input;
  if (Object.keys(error.fieldErrors).length > 0) {
    showSummary(summary, t('form.fixFields'), unplaced);
  } else {
    showSummary(summary, problemText(error));
  }
  (first?.matches('fieldset') ? first.querySelector('input') : first ?? summary).focus();
}

/** "client.givenName" and "client" both find a field under client; "[0]" indexes are ignored. */
function closestField(field, controls) {
  const plain = field.replace(/\[\d+\]/g, '');
  return [...controls.keys()].find((name) => name === plain || name.startsWith(`${plain}.`));
}

function showSummary(summary, text, details = []) {
  summary.hidden = false;
  show(summary, h('p', {}, text), details.length ? h('ul', {}, details.map((detail) => h('li', {}, detail))) : null);
}

/** A service's validation message in the chosen language when the bundle knows it, else as the service wrote it. */
export function validationMessage(message) {
  const key = `validation.${message}`;
  return has(key) ? t(key) : message;
}

/** What to tell the user about a failed request that is not about one field. */
export function problemText(error) {
  switch (error.status) {
    case 0: return t('error.offline');
    case 403: return t('error.forbidden');
    case 404: return t('error.notFound');
    case 409: return t('error.conflict', { detail: error.problem.detail ?? '' });
    case 412: return t('error.stale');
    case 429: return t('error.tooMany');
    default: return error.status >= 500 ? t('error.server') : (error.problem.detail ?? t('error.unexpected'));
  }
}
