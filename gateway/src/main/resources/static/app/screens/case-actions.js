// The common actions on a case, one form each, offered only to roles that may take them (case-service decides
// again): INTAKE records facts; CASEWORKER also decides, assigns and closes; AUDITOR and ADMIN get none.
import { api } from '../api.js';
import { h } from '../dom.js';
import { label, t } from '../i18n.js';
import { buildForm } from '../forms.js';
import { rememberOwnWrite } from '../own-writes.js';
import { can, subject } from '../session.js';
import { toast } from '../toast.js';

const RECEIPT_HINT = () => t('field.receiptNumber.hint');
const options = (group, codes) => codes.map((code) => ({ value: code, label: label(group, code) }));

const FEE_EXEMPTIONS = ['MEDICAL_EMERGENCY', 'PARENT_OR_GUARDIAN_OF_MINOR_WITH_MEDICAL_EMERGENCY', 'ORGAN_DONOR',
  'DYING_CLOSE_RELATIVE', 'FUNERAL', 'ADOPTED_CHILD_WITH_URGENT_MEDICAL_NEED', 'ADJUSTMENT_APPLICANT_RETURNING_FROM_TRAVEL',
  'RETURNED_TO_CONTIGUOUS_TERRITORY_PAROLED_FOR_HEARING', 'CUBAN_HAITIAN_ENTRANT', 'ASSISTING_US_LAW_ENFORCEMENT'];

const receipt = () => ({ name: 'receiptNumber', label: t('field.receiptNumber'), hint: RECEIPT_HINT(), transform: (v) => v.toUpperCase().replace(/\s/g, '') });

/** Each action: id (data-action), path under the case, who may, when (case state), fields. */
function actions(view) {
  const open = view.status === 'OPEN';
  return [
    {
      id: 'entry', path: 'entries', allowed: can.recordFacts() && open, event: 'EntryRecorded',
      fields: [
        { name: 'date', label: t('field.entryDate'), type: 'date', required: true },
        { name: 'manner', label: t('field.manner'), type: 'select', required: true, options: options('manner', ['PAROLED', 'ADMITTED_REFUGEE', 'ADMITTED_OTHER', 'WITHOUT_INSPECTION']) },
      ],
    },
    {
      id: 'parole-request', path: 'parole-requests', allowed: can.recordFacts() && open, event: 'ParoleRequested',
      fields: [
        { name: 'filedOn', label: t('field.filedOn'), type: 'date', required: true },
        { name: 'kind', label: t('field.paroleKind'), type: 'select', required: true, options: options('eventKind', ['INITIAL', 'RE_PAROLE']) },
        { name: 'basis', label: t('field.basis'), type: 'select', required: true, options: options('basis', ['URGENT_HUMANITARIAN', 'SIGNIFICANT_PUBLIC_BENEFIT']) },
        { name: 'urgency', label: t('field.urgency'), type: 'select', required: true, options: options('urgency', ['ROUTINE', 'URGENT', 'EMERGENCY']) },
        { name: 'feeExemption', label: t('field.feeExemption'), type: 'select', options: options('feeExemption', FEE_EXEMPTIONS), hint: t('field.feeExemption.hint') },
        receipt(),
      ],
    },
    {
      id: 'parole-grant', path: 'parole-grants', allowed: can.decide() && open, event: 'ParoleGranted',
      fields: [
        { name: 'grantedOn', label: t('field.grantedOn'), type: 'date', required: true },
        { name: 'validUntil', label: t('field.validUntil'), type: 'date', required: true },
        { name: 'program', label: t('field.program') },
        { name: 'feeExemption', label: t('field.feeExemption'), type: 'select', options: options('feeExemption', FEE_EXEMPTIONS), hint: t('field.feeExemption.hint') },
        receipt(),
      ],
    },
    {
      id: 'ead', path: 'ead-applications', allowed: can.recordFacts() && open, event: 'EadFiled',
      fields: [
        { name: 'category', label: t('field.eadCategory'), type: 'select', required: true, options: options('eadCategory', ['c8', 'c11', 'a3', 'a5', 'a12', 'c19']) },
        { name: 'filedOn', label: t('field.filedOn'), type: 'date', required: true },
        { name: 'renewal', label: t('field.renewal'), type: 'checkbox' },
        receipt(),
      ],
    },
    {
      id: 'asylum', path: 'asylum-applications', allowed: can.recordFacts() && open, event: 'AsylumFiled',
      fields: [
        { name: 'filedOn', label: t('field.asylumFiledOn'), type: 'date', required: true, hint: t('field.asylumFiledOn.hint') },
        { name: 'kind', label: t('field.asylumKind'), type: 'select', required: true, options: options('eventKind', ['AFFIRMATIVE', 'DEFENSIVE']) },
        receipt(),
      ],
    },
    {
      id: 'departure', path: 'departures', allowed: can.recordFacts() && open, event: 'DepartureRecorded',
      fields: [
        { name: 'date', label: t('field.departureDate'), type: 'date', required: true },
        { name: 'advanceParole', label: t('field.advanceParole'), type: 'checkbox', hint: t('field.advanceParole.hint') },
      ],
    },
    {
      id: 'assign', path: 'assignments', allowed: can.decide() && open, event: 'CaseAssigned',
      fields: [{ name: 'assignee', label: t('field.assignee'), required: true, hint: t('field.assignee.hint'), value: view.assignee ?? subject() }],
    },
    {
      id: 'note', path: 'notes', allowed: can.recordFacts(), event: 'NoteAdded',
      fields: [{ name: 'text', label: t('field.note'), type: 'textarea', required: true, hint: t('field.note.hint') }],
    },
    {
      id: 'close', path: 'closures', allowed: can.decide() && open, event: 'CaseClosed',
      fields: [{ name: 'reason', label: t('field.closeReason'), type: 'textarea', required: true }],
    },
    {
      id: 'reopen', path: 'reopenings', allowed: can.decide() && !open, event: 'CaseReopened',
      fields: [{ name: 'reason', label: t('field.reopenReason'), type: 'textarea', required: true }],
    },
  ];
}

/**
 * The actions section, or null when the role may take none.
 * @param onRecorded called with the write's {id, version} after a fact was recorded
 */
export function caseActions(view, onRecorded) {
  const allowed = actions(view).filter((action) => action.allowed);
  if (allowed.length === 0) return null;
  return h('div', { class: 'actions' }, allowed.map((action) => {
    const details = h('details', { class: 'action', dataset: { actionId: action.id } },
      h('summary', {}, t(`action.${action.id}`)));
    const form = buildForm({
      action: action.id,
      submitLabel: t(`action.${action.id}.submit`),
      fields: action.fields,
      onSubmit: async (values, formElement) => {
        const written = await api(`/api/cases/${encodeURIComponent(view.id)}/${action.path}`, { method: 'POST', body: values });
        rememberOwnWrite(view.id, action.event);
        toast({ title: t('action.recorded', { event: label('eventType', action.event) }) });
        formElement.reset();
        details.open = false;
        details.querySelector('summary').focus();
        onRecorded(written);
      },
    });
    details.append(form);
    return details;
  }));
}
