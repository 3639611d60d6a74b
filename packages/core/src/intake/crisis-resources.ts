/**
 * Crisis resources shown at once when a pre-screen is urgent (clinical.md §4.2: "show crisis resources
 * (US: call or text 988)"), as data so the portal, the inquiry form and e-mails render the same words.
 * US only; a clinic elsewhere needs its own list.
 */
export interface CrisisContact {
  readonly kind: 'call' | 'text' | 'chat';
  /** The accessible name of the link or button. */
  readonly label: string;
  readonly href: string;
}

export interface CrisisResource {
  readonly id: '988_lifeline' | 'emergency_911';
  readonly name: string;
  readonly description: string;
  readonly contacts: readonly CrisisContact[];
}

export const CRISIS_RESOURCES: readonly CrisisResource[] = [
  {
    id: '988_lifeline',
    name: '988 Suicide & Crisis Lifeline',
    description: 'Free and confidential support, any time, day or night. Call or text 988.',
    contacts: [
      { kind: 'call', label: 'Call 988', href: 'tel:988' },
      { kind: 'text', label: 'Text 988', href: 'sms:988' },
      { kind: 'chat', label: 'Chat with 988 online', href: 'https://988lifeline.org/chat/' },
    ],
  },
  {
    id: 'emergency_911',
    name: 'Emergency services',
    description: 'If you are in immediate danger or might act on thoughts of suicide, call 911 or go to the nearest emergency room.',
    contacts: [{ kind: 'call', label: 'Call 911', href: 'tel:911' }],
  },
];

/** The sentence shown above the resources. */
export const CRISIS_MESSAGE =
  'You do not have to wait for us. If you are thinking about suicide or are in crisis, call or text 988 now. ' +
  'If you are in immediate danger, call 911.';
