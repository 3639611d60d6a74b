import { html, type SafeHtml } from './html.js';
import { many, one, type FieldErrors, type FormFields } from './form-input.js';

/**
 * Accessible form controls for the server-rendered form: every control has a label, a hint and an
 * error tied to it with `aria-describedby`, and `aria-invalid` when its value was refused.
 */
export interface FormState {
  readonly fields: FormFields;
  readonly errors: FieldErrors;
}

function described(state: FormState, name: string, hint?: string): { readonly ids: string; readonly error: SafeHtml | '' ; readonly hint: SafeHtml | '' } {
  const message = state.errors.get(name);
  const ids = [hint ? `${name}-hint` : '', message ? `${name}-error` : ''].filter(Boolean).join(' ');
  return {
    ids,
    error: message ? html`<span class="field-error" id="${name}-error">Error: ${message}</span>` : '',
    hint: hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : '',
  };
}

function optionalMark(optional: boolean | undefined): SafeHtml | '' {
  return optional ? html` <span class="optional">(optional)</span>` : '';
}

export function textField(
  state: FormState,
  options: { readonly name: string; readonly label: string; readonly type?: 'text' | 'email' | 'tel' | 'date'; readonly hint?: string; readonly optional?: boolean; readonly autocomplete?: string; readonly maxLength: number; readonly inputMode?: string; readonly short?: boolean },
): SafeHtml {
  const d = described(state, options.name, options.hint);
  const value = one(state.fields, options.name) ?? '';
  return html`<div class="field">
  <label for="${options.name}">${options.label}${optionalMark(options.optional)}</label>
  ${d.hint}${d.error}
  <input id="${options.name}" name="${options.name}" type="${options.type ?? 'text'}" value="${value}" maxlength="${options.maxLength}"${options.short ? html` class="short"` : ''}${
    options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''
  }${options.inputMode ? html` inputmode="${options.inputMode}"` : ''}${d.ids ? html` aria-describedby="${d.ids}"` : ''}${state.errors.has(options.name) ? html` aria-invalid="true"` : ''}>
</div>`;
}

export function textArea(state: FormState, options: { readonly name: string; readonly label: string; readonly hint?: string; readonly optional?: boolean; readonly maxLength: number; readonly rows?: number }): SafeHtml {
  const d = described(state, options.name, options.hint);
  const value = one(state.fields, options.name) ?? '';
  return html`<div class="field">
  <label for="${options.name}">${options.label}${optionalMark(options.optional)}</label>
  ${d.hint}${d.error}
  <textarea id="${options.name}" name="${options.name}" rows="${options.rows ?? 5}" maxlength="${options.maxLength}"${d.ids ? html` aria-describedby="${d.ids}"` : ''}${
    state.errors.has(options.name) ? html` aria-invalid="true"` : ''
  }>${value}</textarea>
</div>`;
}

export function select(state: FormState, options: { readonly name: string; readonly label: string; readonly optional?: boolean; readonly choices: readonly (readonly [string, string])[] }): SafeHtml {
  const d = described(state, options.name);
  const value = one(state.fields, options.name) ?? '';
  return html`<div class="field">
  <label for="${options.name}">${options.label}${optionalMark(options.optional)}</label>
  ${d.error}
  <select id="${options.name}" name="${options.name}"${d.ids ? html` aria-describedby="${d.ids}"` : ''}${state.errors.has(options.name) ? html` aria-invalid="true"` : ''}>
    <option value="">Choose one</option>
    ${options.choices.map(([choice, label]) => html`<option value="${choice}"${choice === value ? html` selected` : ''}>${label}</option>`)}
  </select>
</div>`;
}

interface Choice {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

/** A group of radios or checkboxes in a fieldset whose legend is the question. */
export function choiceGroup(
  state: FormState,
  options: { readonly name: string; readonly legend: string; readonly kind: 'radio' | 'checkbox'; readonly choices: readonly Choice[]; readonly hint?: string; readonly optional?: boolean; readonly layout?: 'list' | 'scale' | 'yes-no'; readonly className?: string },
): SafeHtml {
  const d = described(state, options.name, options.hint);
  const chosen = options.kind === 'checkbox' ? many(state.fields, options.name) : [one(state.fields, options.name) ?? ''];
  const layout = options.layout === 'scale' ? 'scale' : options.layout === 'yes-no' ? 'scale yes-no' : 'choices';
  return html`<fieldset class="${options.className ?? 'field-group'}" id="${options.name}"${d.ids ? html` aria-describedby="${d.ids}"` : ''}>
  <legend>${options.legend}${optionalMark(options.optional)}</legend>
  ${d.hint}${d.error}
  <div class="${layout}">
    ${options.choices.map((choice, index) => {
      const id = `${options.name}-${index}`;
      return html`<label class="choice" for="${id}"><input type="${options.kind}" id="${id}" name="${options.name}" value="${choice.value}"${
        chosen.includes(choice.value) && choice.value !== '' ? html` checked` : ''
      }${state.errors.has(options.name) ? html` aria-invalid="true"` : ''}><span>${choice.label}${choice.hint ? html`<span class="hint">${choice.hint}</span>` : ''}</span></label>`;
    })}
  </div>
</fieldset>`;
}
