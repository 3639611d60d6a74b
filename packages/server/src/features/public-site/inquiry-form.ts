import {
  CONTACT_METHOD_LABELS,
  CONTACT_METHODS,
  FREQUENCY_LABELS,
  HEARD_FROM,
  HEARD_FROM_LABELS,
  MODALITIES,
  MODALITY_LABELS,
  SELF_REPORT_CONDITIONS,
  SELF_REPORT_MEDICATIONS,
} from '@lantern/core';
import { choiceGroup, select, textArea, textField, type FormState } from './form-controls.js';
import { CSSRS_KEYS, GAD7_ITEMS, PHQ9_ITEMS } from './form-input.js';
import { CSSRS_QUESTIONS, FREQUENCY_STEM, GAD7_QUESTIONS, PHQ9_QUESTIONS } from './form-questions.js';
import { html, type SafeHtml } from './html.js';

const FREQUENCY_CHOICES = FREQUENCY_LABELS.map((label, value) => ({ value: String(value), label }));
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** Fields of the pre-screen: when one has a value or an error, the pre-screen opens. */
function prescreenTouched(state: FormState): boolean {
  const names = [
    ...Array.from({ length: PHQ9_ITEMS }, (_, i) => `phq9_${i + 1}`),
    ...Array.from({ length: GAD7_ITEMS }, (_, i) => `gad7_${i + 1}`),
    ...CSSRS_KEYS.map((key) => `cssrs_${key}`),
    'phq9',
    'gad7',
    'cssrs',
    'condition',
    'medicationClass',
    'currentMedications',
    'pregnant',
    'breastfeeding',
  ];
  return names.some((name) => state.errors.has(name) || state.fields[name] !== undefined);
}

function frequencyQuestionnaire(state: FormState, options: { readonly prefix: 'phq9' | 'gad7'; readonly title: string; readonly questions: readonly string[] }): SafeHtml {
  const error = state.errors.get(options.prefix);
  return html`<fieldset id="${options.prefix}">
  <legend>${options.title}</legend>
  <p class="instructions">${FREQUENCY_STEM}</p>
  ${error ? html`<span class="field-error">Error: ${error}</span>` : ''}
  ${options.questions.map((question, index) =>
    choiceGroup(state, { name: `${options.prefix}_${index + 1}`, legend: `${index + 1}. ${question}`, kind: 'radio', choices: FREQUENCY_CHOICES, layout: 'scale', className: 'item' }),
  )}
</fieldset>`;
}

function cssrsSection(state: FormState): SafeHtml {
  const item = (key: (typeof CSSRS_KEYS)[number]): SafeHtml =>
    choiceGroup(state, { name: `cssrs_${key}`, legend: CSSRS_QUESTIONS[key], kind: 'radio', choices: YES_NO, layout: 'yes-no', className: 'item' });
  return html`<fieldset id="cssrs">
  <legend>Thoughts of suicide</legend>
  <p class="instructions">These questions are hard to answer, and we ask everyone. Your honest answers help us keep you safe.
  If you answer yes to anything here, we will show you where to get support straight away.</p>
  ${item('wishToBeDead')}
  ${item('activeSuicidalThoughts')}
  <p class="instructions">If you answered <strong>no</strong> to question 2, skip to question 6.</p>
  ${item('thoughtsOfMethod')}
  ${item('intentToAct')}
  ${item('planWithIntent')}
  ${item('suicidalBehavior')}
  ${item('behaviorWithinPastThreeMonths')}
</fieldset>`;
}

function healthSection(state: FormState): SafeHtml {
  const pregnancyChoices = [...YES_NO, { value: '', label: 'Does not apply to me' }];
  return html`<fieldset id="health">
  <legend>Your health and medicines</legend>
  ${choiceGroup(state, {
    name: 'condition',
    legend: 'Have you ever been told you have, or do you have now, any of the following?',
    hint: 'Tick all that apply. Leave them all empty if none apply.',
    kind: 'checkbox',
    choices: SELF_REPORT_CONDITIONS.map((q) => ({ value: q.id, label: q.label, ...('hint' in q ? { hint: q.hint } : {}) })),
    className: 'item',
  })}
  ${choiceGroup(state, {
    name: 'medicationClass',
    legend: 'Do you take any of these medicines?',
    hint: 'Tick all that apply. Please do not stop any medicine without talking to your prescriber.',
    kind: 'checkbox',
    choices: SELF_REPORT_MEDICATIONS.map((q) => ({ value: q.id, label: q.label, ...('hint' in q ? { hint: q.hint } : {}) })),
    className: 'item',
  })}
  ${textArea(state, { name: 'currentMedications', label: 'Which medicines do you take now, and how much?', hint: 'For example: sertraline 100 mg each morning', optional: true, maxLength: 2000, rows: 4 })}
  ${choiceGroup(state, { name: 'pregnant', legend: 'Are you pregnant, or could you be?', kind: 'radio', choices: pregnancyChoices, layout: 'list', className: 'item' })}
  ${choiceGroup(state, { name: 'breastfeeding', legend: 'Are you breastfeeding?', kind: 'radio', choices: pregnancyChoices, layout: 'list', className: 'item' })}
</fieldset>`;
}

function errorSummary(state: FormState): SafeHtml | '' {
  if (state.errors.size === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title">Please check ${state.errors.size === 1 ? 'one answer' : `${state.errors.size} answers`}</h2>
  <ul>${[...state.errors].map(([field, message]) => html`<li><a href="#${field}">${message}</a></li>`)}</ul>
</div>`;
}

/**
 * The inquiry form with the optional pre-screen: plain HTML that works without JavaScript,
 * POSTed as application/x-www-form-urlencoded to /inquire with a signed form token.
 */
export function inquiryForm(state: FormState & { readonly formToken: string }): SafeHtml {
  return html`${errorSummary(state)}
<form class="form" method="post" action="/inquire" novalidate>
  <input type="hidden" name="formToken" value="${state.formToken}">
  <fieldset id="about">
    <legend>About you</legend>
    <div class="two-up">
      ${textField(state, { name: 'givenName', label: 'First name', autocomplete: 'given-name', maxLength: 100 })}
      ${textField(state, { name: 'familyName', label: 'Last name', autocomplete: 'family-name', maxLength: 100 })}
    </div>
    ${textField(state, { name: 'preferredName', label: 'What should we call you?', optional: true, autocomplete: 'nickname', maxLength: 100 })}
    ${textField(state, { name: 'dateOfBirth', label: 'Date of birth', type: 'date', optional: true, hint: 'Helps us find any record we already have for you. Our program is for adults.', autocomplete: 'bday', maxLength: 10, short: true })}
    ${textField(state, { name: 'ageYears', label: 'Or your age', optional: true, inputMode: 'numeric', maxLength: 3, short: true })}
  </fieldset>
  <fieldset id="contact">
    <legend>How to reach you</legend>
    <div class="two-up">
      ${textField(state, { name: 'email', label: 'E-mail', type: 'email', autocomplete: 'email', maxLength: 254 })}
      ${textField(state, { name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel', maxLength: 40 })}
    </div>
    ${choiceGroup(state, { name: 'preferredContact', legend: 'How should we contact you?', kind: 'radio', choices: CONTACT_METHODS.map((value) => ({ value, label: CONTACT_METHOD_LABELS[value] })) })}
  </fieldset>
  <fieldset id="inquiry">
    <legend>What brings you here</legend>
    ${textArea(state, { name: 'reason', label: 'What would you like help with?', hint: 'A few sentences is plenty. You can tell us more when we talk.', maxLength: 4000, rows: 6 })}
    ${choiceGroup(state, { name: 'modality', legend: 'What kind of care are you interested in?', kind: 'radio', choices: MODALITIES.map((value) => ({ value, label: MODALITY_LABELS[value] })) })}
    ${select(state, { name: 'heardFrom', label: 'How did you hear about us?', optional: true, choices: HEARD_FROM.map((value) => [value, HEARD_FROM_LABELS[value]] as const) })}
    ${textField(state, { name: 'heardFromDetail', label: 'Anything to add about how you heard of us?', optional: true, maxLength: 200 })}
  </fieldset>
  <details class="prescreen"${prescreenTouched(state) ? html` open` : ''}>
    <summary>Optional pre-screen (about 10 minutes)<span class="hint">Questions about mood, anxiety, safety, health and medicines. Answer as much as you like.</span></summary>
    ${frequencyQuestionnaire(state, { prefix: 'phq9', title: 'Mood (PHQ-9)', questions: PHQ9_QUESTIONS })}
    ${frequencyQuestionnaire(state, { prefix: 'gad7', title: 'Anxiety (GAD-7)', questions: GAD7_QUESTIONS })}
    ${cssrsSection(state)}
    ${healthSection(state)}
  </details>
  <div class="hp" aria-hidden="true">
    <label for="website">Leave this field empty</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off">
  </div>
  <p><button class="button" type="submit">Send my inquiry</button></p>
</form>`;
}
