/**
 * Session-note templates (issue #4, "Clinical notes"): structured fields plus free text, one per session
 * type, with prompts that change with the plan's focus. A clinic may replace a template (admin); these
 * are the defaults a new clinic starts from.
 */

export const SESSION_NOTE_KINDS = ['preparation', 'medicine', 'integration', 'couples', 'group', 'follow_up', 'shared_summary'] as const;
export type SessionNoteKind = (typeof SESSION_NOTE_KINDS)[number];

export const SESSION_NOTE_TITLES: Record<SessionNoteKind, string> = {
  preparation: 'Preparation session note',
  medicine: 'Medicine session note',
  integration: 'Integration session note',
  couples: 'Couples / family session note',
  group: 'Group session note',
  follow_up: 'Follow-up note',
  shared_summary: 'Shared summary of a joint session',
};

/** One structured field of a template. */
export interface TemplateField {
  readonly key: string;
  readonly label: string;
  /** A field the note cannot be signed without. */
  readonly required: boolean;
}

export interface SessionNoteTemplate {
  readonly kind: SessionNoteKind;
  readonly title: string;
  readonly fields: readonly TemplateField[];
}

const f = (key: string, label: string, required = true): TemplateField => ({ key, label, required });

export const DEFAULT_TEMPLATES: Record<SessionNoteKind, SessionNoteTemplate> = {
  preparation: {
    kind: 'preparation',
    title: SESSION_NOTE_TITLES.preparation,
    fields: [f('intentions', 'Intentions explored'), f('expectations', 'Expectations and fears'), f('orientation', 'Orientation to the medicine experience'), f('plan', 'Plan for the next session', false)],
  },
  medicine: {
    kind: 'medicine',
    title: SESSION_NOTE_TITLES.medicine,
    fields: [f('setAndSetting', 'Set and setting'), f('experience', 'Course of the session'), f('response', 'Response to the medicine'), f('recovery', 'Recovery and discharge', false)],
  },
  integration: {
    kind: 'integration',
    title: SESSION_NOTE_TITLES.integration,
    fields: [f('insights', 'Insights from the medicine session'), f('practices', 'Practices co-created'), f('risk', 'Mood and safety check')],
  },
  couples: {
    kind: 'couples',
    title: SESSION_NOTE_TITLES.couples,
    fields: [f('dynamics', 'Relational dynamics observed'), f('participant', 'This participant in the session'), f('plan', 'Plan', false)],
  },
  group: {
    kind: 'group',
    title: SESSION_NOTE_TITLES.group,
    fields: [f('themes', 'Group themes'), f('participation', 'Participation of this member'), f('plan', 'Plan', false)],
  },
  follow_up: {
    kind: 'follow_up',
    title: SESSION_NOTE_TITLES.follow_up,
    fields: [f('status', 'Current status'), f('plan', 'Plan')],
  },
  shared_summary: {
    kind: 'shared_summary',
    title: SESSION_NOTE_TITLES.shared_summary,
    fields: [f('summary', 'What the participants worked on together')],
  },
};

/** Prompts and suggested measures a focus adds to every session note of the plan. */
export interface FocusGuide {
  readonly label: string;
  readonly prompts: readonly string[];
  /** Validated measures to suggest (LOINC or local code where unverified). */
  readonly measures: readonly { readonly name: string; readonly purpose: string }[];
}

export const FOCUS_GUIDES: Record<string, FocusGuide> = {
  general: { label: 'General', prompts: [], measures: [{ name: 'PHQ-9', purpose: 'Depression severity' }, { name: 'GAD-7', purpose: 'Anxiety severity' }] },
  grief: {
    label: 'Grief',
    prompts: ['The relationship with the person who died and how it continues', 'Avoidance of reminders and yearning', 'Meaning and identity since the loss'],
    measures: [
      { name: 'PG-13-R', purpose: 'Prolonged grief disorder' },
      { name: 'PHQ-9', purpose: 'Depression severity' },
    ],
  },
  religious_trauma: {
    label: 'Religious trauma',
    prompts: ['Beliefs and practices the patient left or questions', 'Fear, shame or scrupulosity linked to the tradition', 'Community, family and identity after leaving'],
    measures: [
      { name: 'PCL-5', purpose: 'Post-traumatic stress symptoms' },
      { name: 'PHQ-9', purpose: 'Depression severity' },
    ],
  },
};

/** The guide of a focus; a clinic-defined focus without one gets the general guide. */
export function focusGuide(focus: string): FocusGuide {
  return FOCUS_GUIDES[focus] ?? { ...FOCUS_GUIDES.general!, label: focus.replace(/_/g, ' ') };
}

/** The unfilled required fields of a session note, as unmet conditions for signing. */
export function sessionNoteSignUnmet(template: SessionNoteTemplate, content: { readonly fields: Readonly<Record<string, string>>; readonly text: string }): { code: string; message: string }[] {
  return template.fields
    .filter((field) => field.required && !(content.fields[field.key] ?? '').trim())
    .map((field) => ({ code: 'note_incomplete', message: `${field.label} is empty` }));
}
