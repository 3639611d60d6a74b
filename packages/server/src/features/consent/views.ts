import type { ConsentKind, ConsentRecord, SignedConsentFacts } from '@lantern/core';
import type { ConsentRow } from './repo.js';

/** A signed consent as the API shows it. */
export function consentRecordOf(row: ConsentRow): ConsentRecord {
  const { consent, revocation } = row;
  return {
    id: consent.id,
    patientId: consent.patientId,
    kind: consent.kind as ConsentKind,
    documentId: consent.documentId,
    documentVersion: consent.documentVersion,
    documentTitle: row.documentTitle,
    documentHash: consent.documentHash,
    typedName: consent.typedName,
    hasDrawnSignature: row.hasDrawnSignature,
    signedAt: consent.signedAt.toISOString(),
    signedOn: consent.signedOn,
    sourceIp: consent.sourceIp,
    userAgent: consent.userAgent,
    witness: { id: consent.witnessId, name: consent.witnessName },
    release:
      consent.releaseRecipient !== null && consent.releaseScope !== null && consent.releaseExpiresOn !== null
        ? { recipient: consent.releaseRecipient, scope: consent.releaseScope, purpose: consent.releasePurpose, expiresOn: consent.releaseExpiresOn }
        : null,
    revocation: revocation
      ? { revokedAt: revocation.revokedAt.toISOString(), revokedOn: revocation.revokedOn, revokedBy: revocation.revokedByName, reason: revocation.reason }
      : null,
  };
}

/** A signed consent as the pure rules in @lantern/core see it. */
export function consentFactsOf(row: ConsentRow): SignedConsentFacts {
  return {
    id: row.consent.id,
    kind: row.consent.kind as ConsentKind,
    documentVersion: row.consent.documentVersion,
    signedAt: row.consent.signedAt.toISOString(),
    signedOn: row.consent.signedOn,
    expiresOn: row.consent.releaseExpiresOn,
    revokedOn: row.revocation?.revokedOn ?? null,
    recipient: row.consent.releaseRecipient,
  };
}
