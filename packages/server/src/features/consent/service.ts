import {
  CONSENT_KIND_LABELS,
  CONSENT_KINDS,
  clinicDateOf,
  Conflict,
  consentStatus,
  consentUnmet,
  isReleaseKind,
  NotFound,
  releaseStatuses,
  releaseTerms,
  ValidationError,
  type ConsentDetail,
  type ConsentKind,
  type ConsentRecord,
  type PatientConsentsResponse,
  type SignConsentRequest,
  type SignedConsentFacts,
  type Unmet,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact, type AuditTrail } from '../../platform/audit/trail.js';
import * as documents from './document-repo.js';
import { ConsentsRepo } from './repo.js';
import { decodeSignaturePng, signatureDataUrlOf } from './signature-png.js';
import { isUniqueViolation } from './unique-violation.js';
import { consentFactsOf, consentRecordOf } from './views.js';
import { renderConsentPdf } from './pdf/consent-pdf.js';

/**
 * What the course engine (issue #4) needs to check "current KAP consent signed" inside its own
 * transaction: the clinic's published documents, the patient's signatures, and the clinic's today.
 */
export async function consentFacts(
  tx: Tx,
  ctx: AuthedContext,
  audit: AuditTrail,
  patientId: string,
): Promise<{ documents: { id: string; kind: ConsentKind; version: number }[]; signatures: SignedConsentFacts[]; today: string }> {
  const repo = new ConsentsRepo(tx, ctx, audit);
  const who = await repo.patient(patientId);
  const rows = await repo.list(who);
  const { timeZone } = await repo.clinic();
  return { documents: await documents.currentDocumentRefs(tx, ctx.auth.user.clinicId), signatures: rows.map(consentFactsOf), today: clinicDateOf(ctx.now, timeZone) };
}

/** A patient's consent state per kind, their releases, every consent they signed, and the KAP gate. */
export function patientConsents(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<PatientConsentsResponse> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new ConsentsRepo(tx, ctx, audit);
    const who = await repo.patient(patientId);
    const rows = await repo.list(who);
    const { timeZone } = await repo.clinic();
    const today = clinicDateOf(ctx.now, timeZone);
    const signatures = rows.map(consentFactsOf);
    const status = consentStatus({ documents: await documents.currentDocumentRefs(tx, ctx.auth.user.clinicId), signatures, today });
    return {
      patientId,
      today,
      kinds: CONSENT_KINDS.map((kind) => ({ ...status[kind], label: CONSENT_KIND_LABELS[kind] })),
      releases: releaseStatuses(signatures, today),
      consents: rows.map(consentRecordOf),
      kapConsent: consentUnmet(status.kap_treatment) satisfies Unmet | null,
    };
  });
}

/**
 * Records a patient's signature on a document version, witnessed by the signed-in staff member who
 * handed over the tablet. Refused (409, nothing stored) when a newer version superseded the one
 * signed, or when the text the screen showed is not the stored version.
 */
export async function signConsent(deps: AppDeps, ctx: AuthedContext, patientId: string, input: SignConsentRequest): Promise<ConsentRecord> {
  // CPU work and the cached policy before the transaction: PGlite has one connection.
  const signaturePng = input.signatureImage ? decodeSignaturePng(input.signatureImage) : null;
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new ConsentsRepo(tx, ctx, audit);
    const who = await repo.patient(patientId);
    const found = await documents.documentById(tx, ctx.auth.user.clinicId, input.documentId);
    if (!found) throw new NotFound('Consent document');
    const document = found.document;
    const kind = document.kind as ConsentKind;
    const { timeZone } = await repo.clinic();
    const latest = await documents.latestOfKind(tx, ctx.auth.user.clinicId, kind);
    if (latest && latest.version > document.version) {
      throw new Conflict(
        `Version ${document.version} of the ${CONSENT_KIND_LABELS[kind]} was superseded by version ${latest.version} on ${clinicDateOf(latest.publishedAt, timeZone)}. Present the current version and sign it instead.`,
        'superseded_version',
      );
    }
    if (input.documentHash !== document.contentHash) {
      throw new Conflict('The document shown is not the version on file (its SHA-256 differs). Reload the document and sign again.', 'document_hash_mismatch');
    }
    const signedOn = clinicDateOf(ctx.now, timeZone);
    if (!isReleaseKind(kind) && input.release) {
      throw new ValidationError(['release'], 'Only a release authorization takes a recipient, scope and expiry');
    }
    if (isReleaseKind(kind) && !input.release) {
      throw new ValidationError(['release'], 'A release authorization needs the recipient and what may be released');
    }
    const terms = input.release ? releaseTerms({ requested: input.release, signedOn, policy: policy.policy.consent }) : null;
    const row = await repo.insert(
      who,
      {
        documentId: document.id,
        kind,
        documentVersion: document.version,
        documentHash: document.contentHash,
        typedName: input.typedName,
        signaturePng,
        signedAt: ctx.now,
        signedOn,
        sourceIp: ctx.sourceIp,
        userAgent: ctx.userAgent,
        witnessId: ctx.auth.user.id,
        witnessName: ctx.auth.user.displayName,
        releaseRecipient: terms?.recipient ?? null,
        releaseScope: terms?.scope ?? null,
        releasePurpose: terms?.purpose ?? null,
        releaseExpiresOn: terms?.expiresOn ?? null,
      },
      { policyVersion: policy.version },
    );
    const { signaturePng: _png, ...consent } = row;
    return consentRecordOf({ consent, documentTitle: document.title, hasDrawnSignature: signaturePng !== null, revocation: null });
  });
}

/** One signed consent, with its drawn signature for display. */
export function getConsent(deps: AppDeps, ctx: AuthedContext, patientId: string, consentId: string): Promise<ConsentDetail> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new ConsentsRepo(tx, ctx, audit);
    const { row, signaturePng } = await repo.one(await repo.patient(patientId), consentId, 'read');
    return { ...consentRecordOf(row), signatureImage: signaturePng ? signatureDataUrlOf(signaturePng) : null };
  });
}

/** Records the patient's withdrawal of a consent (reason required; audited; the consent stays). */
export async function revokeConsent(deps: AppDeps, ctx: AuthedContext, patientId: string, consentId: string, reason: string): Promise<ConsentRecord> {
  const already = (): Conflict => new Conflict('This consent was already revoked', 'already_revoked');
  try {
    return await transact(deps.db, ctx, async (tx, audit) => {
      const repo = new ConsentsRepo(tx, ctx, audit);
      const who = await repo.patient(patientId);
      const existing = await repo.find(who, consentId);
      if (!existing) throw new NotFound('Consent');
      if (existing.revocation) throw already();
      const { timeZone } = await repo.clinic();
      const revocation = await repo.revoke(who, consentId, {
        revokedAt: ctx.now,
        revokedOn: clinicDateOf(ctx.now, timeZone),
        revokedBy: ctx.auth.user.id,
        revokedByName: ctx.auth.user.displayName,
        reason,
      });
      return consentRecordOf({ ...existing, revocation });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw already();
    throw error;
  }
}

/**
 * The signed consent as a PDF. The rows are read (and the print audited) in a short transaction;
 * rendering happens after it commits, so a slow render never holds the database.
 */
export async function consentPdf(deps: AppDeps, ctx: AuthedContext, patientId: string, consentId: string): Promise<{ filename: string; pdf: Uint8Array }> {
  const loaded = await transact(deps.db, ctx, async (tx, audit) => {
    const repo = new ConsentsRepo(tx, ctx, audit);
    const who = await repo.patient(patientId);
    const one = await repo.one(who, consentId, 'print');
    return { who, one, clinic: await repo.clinic() };
  });
  const consent = consentRecordOf(loaded.one.row);
  const pdf = await renderConsentPdf({
    clinic: loaded.clinic,
    patient: loaded.who,
    consent,
    documentBody: loaded.one.documentBody,
    signaturePng: loaded.one.signaturePng,
    printedAt: ctx.now,
  });
  // The file name carries no PHI: kind, version and the start of the record id.
  return { filename: `consent-${consent.kind}-v${consent.documentVersion}-${consent.id.slice(0, 8)}.pdf`, pdf };
}
