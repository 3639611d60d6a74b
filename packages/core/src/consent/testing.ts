import type { ConsentKind } from './kinds.js';
import type { PublishedConsentDocument, SignedConsentFacts } from './status.js';

/** Typed fixtures for the consent rules' tests. */
export function publishedDocument(kind: ConsentKind, version: number): PublishedConsentDocument {
  return { id: `doc-${kind}-v${version}`, kind, version };
}

let sequence = 0;

export function signedConsent(overrides: Partial<SignedConsentFacts> & { readonly kind: ConsentKind }): SignedConsentFacts {
  sequence += 1;
  const signedOn = overrides.signedOn ?? '2026-03-01';
  return {
    id: `consent-${String(sequence).padStart(4, '0')}`,
    documentVersion: 1,
    signedAt: `${signedOn}T15:00:00.000Z`,
    signedOn,
    expiresOn: null,
    revokedOn: null,
    recipient: null,
    ...overrides,
  };
}
