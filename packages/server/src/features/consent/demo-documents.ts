import type { ConsentKind } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { insertDocument } from './document-repo.js';
import { KAP_TREATMENT_BODY, KAP_TREATMENT_TITLE } from './demo-texts/kap-treatment.js';
import { MHRA_RELEASE_BODY, MHRA_RELEASE_TITLE } from './demo-texts/mhra-release.js';
import { PRIVACY_NOTICE_BODY, PRIVACY_NOTICE_TITLE } from './demo-texts/privacy-notice.js';
import { TELEHEALTH_BODY, TELEHEALTH_TITLE } from './demo-texts/telehealth.js';

/** The demo clinic's consent documents: fictional, written fresh for Lantern, not legal advice. */
export const DEMO_CONSENT_DOCUMENTS: readonly { readonly kind: ConsentKind; readonly title: string; readonly body: string }[] = [
  { kind: 'kap_treatment', title: KAP_TREATMENT_TITLE, body: KAP_TREATMENT_BODY },
  { kind: 'telehealth', title: TELEHEALTH_TITLE, body: TELEHEALTH_BODY },
  { kind: 'mhra_release', title: MHRA_RELEASE_TITLE, body: MHRA_RELEASE_BODY },
  { kind: 'privacy_notice_ack', title: PRIVACY_NOTICE_TITLE, body: PRIVACY_NOTICE_BODY },
];

/** Publishes version 1 of each demo consent document for a new demo clinic (inside the seed's transaction). */
export async function seedConsentDocuments(tx: Executor, input: { readonly clinicId: string; readonly now: Date }): Promise<void> {
  for (const document of DEMO_CONSENT_DOCUMENTS) {
    await insertDocument(tx, {
      clinicId: input.clinicId,
      kind: document.kind,
      version: 1,
      title: document.title,
      body: document.body,
      changeNote: 'Initial version for the demo clinic',
      publishedAt: input.now,
      publishedBy: null,
    });
  }
}
