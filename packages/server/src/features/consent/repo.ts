import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { demographicScope, Forbidden, NotFound } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import type { AuditTrail } from '../../platform/audit/trail.js';
import { clinic, consentDocument, consentRevocation, patient, patientConsent } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { breakGlassReason, scopeCondition } from '../patients/scope.js';

/** The patient a consent request is about, once the caller's scope admits them. */
export interface ConsentPatient {
  readonly id: string;
  readonly mrn: string;
  readonly legalName: string;
  readonly dateOfBirth: string;
  /** Set when the caller reaches the patient only through a live break-glass grant. */
  readonly breakGlassReason: string | null;
}

export type SignatureRow = typeof patientConsent.$inferSelect;
export type RevocationRow = typeof consentRevocation.$inferSelect;

/** A signed consent with its document's title and its revocation, if any. */
export interface ConsentRow {
  readonly consent: Omit<SignatureRow, 'signaturePng'>;
  readonly documentTitle: string;
  readonly hasDrawnSignature: boolean;
  readonly revocation: RevocationRow | null;
}

const { signaturePng: _omitted, ...withoutPng } = getTableColumns(patientConsent);

/**
 * A patient's consents, reached the way the chart header is: through the caller's scope (front desk,
 * physicians and nurses: the clinic; a therapist: their care team; anyone: a live break-glass grant).
 * A patient outside it is refused, and the refusal audited. Every read and write records an audit
 * fact on the trail of the transaction it runs in.
 */
export class ConsentsRepo {
  constructor(
    private readonly tx: Executor,
    private readonly ctx: AuthedContext,
    private readonly audit: AuditTrail,
  ) {}

  async patient(patientId: string): Promise<ConsentPatient> {
    const scope = scopeCondition(demographicScope(this.ctx.auth.principal), this.ctx);
    const [row] = await this.tx
      .select({
        id: patient.id,
        mrn: patient.mrn,
        given: patient.legalGivenName,
        family: patient.legalFamilyName,
        dateOfBirth: patient.dateOfBirth,
        inScope: sql<boolean>`${scope}`,
        breakGlass: breakGlassReason(this.ctx),
      })
      .from(patient)
      .where(and(eq(patient.id, patientId), eq(patient.clinicId, this.ctx.auth.user.clinicId)))
      .limit(1);
    if (!row) throw new NotFound('Patient');
    if (!row.inScope && row.breakGlass === null) {
      this.audit.failure({ action: 'read', patientId, resourceType: 'Consent', detail: { reason: 'out_of_scope' } });
      throw new Forbidden('This patient is not on your care team. In an emergency, use break-glass access with a reason.', 'out_of_scope');
    }
    return {
      id: row.id,
      mrn: row.mrn,
      legalName: `${row.given} ${row.family}`,
      dateOfBirth: row.dateOfBirth,
      breakGlassReason: row.inScope ? null : row.breakGlass,
    };
  }

  /** Every consent the patient signed, newest first; audited as one read. */
  async list(who: ConsentPatient): Promise<ConsentRow[]> {
    const rows = await this.rows(who).orderBy(desc(patientConsent.signedAt), desc(patientConsent.id));
    this.audit.record({ action: 'read', patientId: who.id, resourceType: 'Consent', breakGlassReason: who.breakGlassReason, detail: { results: rows.length } });
    return rows;
  }

  /**
   * One signed consent with its drawn signature and document text; audited as `action` (a read on
   * screen, a print for the PDF).
   */
  async one(
    who: ConsentPatient,
    consentId: string,
    action: 'read' | 'print',
  ): Promise<{ row: ConsentRow; signaturePng: Buffer | null; documentBody: string }> {
    const [found] = await this.tx
      .select({ consent: patientConsent, documentTitle: consentDocument.title, documentBody: consentDocument.body, revocation: consentRevocation })
      .from(patientConsent)
      .innerJoin(consentDocument, eq(consentDocument.id, patientConsent.documentId))
      .leftJoin(consentRevocation, eq(consentRevocation.consentId, patientConsent.id))
      .where(and(eq(patientConsent.id, consentId), eq(patientConsent.patientId, who.id), eq(patientConsent.clinicId, this.ctx.auth.user.clinicId)))
      .limit(1);
    if (!found) throw new NotFound('Consent');
    this.audit.record({ action, patientId: who.id, resourceType: 'Consent', resourceId: consentId, breakGlassReason: who.breakGlassReason, detail: { kind: found.consent.kind } });
    const { signaturePng, ...consent } = found.consent;
    return {
      row: { consent, documentTitle: found.documentTitle, hasDrawnSignature: signaturePng !== null, revocation: found.revocation },
      signaturePng,
      documentBody: found.documentBody,
    };
  }

  /** One signed consent without its signature image and without an audit fact (the caller records what it does with it). */
  async find(who: ConsentPatient, consentId: string): Promise<ConsentRow | null> {
    const [row] = await this.rows(who, consentId).limit(1);
    return row ?? null;
  }

  /** Stores a signature; `policyVersion` is the clinic policy its release terms were checked against. */
  async insert(who: ConsentPatient, values: Omit<SignatureRow, 'id' | 'clinicId' | 'patientId'>, used: { readonly policyVersion: number }): Promise<SignatureRow> {
    const [row] = await this.tx
      .insert(patientConsent)
      .values({ id: newId(), clinicId: this.ctx.auth.user.clinicId, patientId: who.id, ...values })
      .returning();
    if (!row) throw new Error('insert returned no row');
    this.audit.record({
      action: 'create',
      patientId: who.id,
      resourceType: 'Consent',
      resourceId: row.id,
      breakGlassReason: who.breakGlassReason,
      detail: { kind: row.kind, documentVersion: row.documentVersion, drawnSignature: row.signaturePng !== null, policyVersion: used.policyVersion },
    });
    return row;
  }

  async revoke(who: ConsentPatient, consentId: string, values: Omit<RevocationRow, 'consentId' | 'clinicId' | 'patientId'>): Promise<RevocationRow> {
    const [row] = await this.tx
      .insert(consentRevocation)
      .values({ consentId, clinicId: this.ctx.auth.user.clinicId, patientId: who.id, ...values })
      .returning();
    if (!row) throw new Error('insert returned no row');
    // The reason may name people or circumstances: it stays in the row, not in the audit detail.
    this.audit.record({ action: 'update', patientId: who.id, resourceType: 'Consent', resourceId: consentId, breakGlassReason: who.breakGlassReason, detail: { revoked: true } });
    return row;
  }

  /** The patient's consents (or one of them), with document title and revocation, no signature image. */
  private rows(who: ConsentPatient, consentId?: string) {
    return this.tx
      .select({ consent: withoutPng, documentTitle: consentDocument.title, hasDrawnSignature: sql<boolean>`${patientConsent.signaturePng} IS NOT NULL`, revocation: consentRevocation })
      .from(patientConsent)
      .innerJoin(consentDocument, eq(consentDocument.id, patientConsent.documentId))
      .leftJoin(consentRevocation, eq(consentRevocation.consentId, patientConsent.id))
      .where(
        and(
          eq(patientConsent.patientId, who.id),
          eq(patientConsent.clinicId, this.ctx.auth.user.clinicId),
          consentId === undefined ? undefined : eq(patientConsent.id, consentId),
        ),
      )
      .$dynamic();
  }

  /** The caller's clinic: its name (for the PDF) and time zone (for "today" and printed times). */
  async clinic(): Promise<{ name: string; timeZone: string }> {
    const [row] = await this.tx
      .select({ name: clinic.name, timeZone: clinic.timeZone })
      .from(clinic)
      .where(eq(clinic.id, this.ctx.auth.user.clinicId))
      .limit(1);
    if (!row) throw new NotFound('Clinic');
    return row;
  }
}
