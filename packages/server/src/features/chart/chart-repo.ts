import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { clinicalScope, demographicScope, Forbidden, NotFound, type AuditAction } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import type { AuditTrail } from '../../platform/audit/trail.js';
import { patient } from '../../platform/db/schema/index.js';
import { breakGlassReason, scopeCondition } from '../patients/scope.js';
import { newId } from '../../platform/ids.js';

declare const admittedBrand: unique symbol;

/**
 * A patient the caller has been admitted to, for one kind of access. Only `ChartRepo.admit` makes
 * one, and every chart repository method that reads or writes patient rows takes one, so no code path
 * reaches a chart without passing the scope check (architecture.md, "Access control lives in the data path").
 */
export interface AdmittedPatient {
  readonly [admittedBrand]: true;
  readonly id: string;
  readonly clinicId: string;
  readonly mrn: string;
  readonly dateOfBirth: string;
  readonly status: string;
  readonly intakeSelfReport: unknown;
  /** Set when the caller came in through a live break-glass grant; recorded on every audit fact. */
  readonly breakGlassReason: string | null;
}

/** Which question the scope answers: the demographic header, or the clinical chart (packages/core/src/access.ts). */
export type ChartScope = 'demographic' | 'clinical';

export interface AdmitOptions {
  readonly scope: ChartScope;
  readonly action: AuditAction;
  readonly resourceType: string;
  readonly resourceId?: string | null;
  /** Structure only (a section, a status, a version): never a clinical fact such as a drug or a diagnosis. */
  readonly detail?: Readonly<Record<string, unknown>>;
  /** Lock the patient row for the rest of the transaction (serializes eligibility changes per patient). */
  readonly lock?: boolean;
  /** False when the caller records the success fact itself (with what changed); a refusal is always recorded. */
  readonly recordAccess?: boolean;
}

/**
 * The chart repository's base: it takes the request context and the audit trail, like PatientsRepo,
 * and admits the caller to one patient in their scope (clinical or demographic) or through a live
 * break-glass grant; otherwise the attempt is refused with 403 and the refusal audited.
 */
export class ChartRepo {
  constructor(
    protected readonly tx: Executor,
    protected readonly ctx: AuthedContext,
    protected readonly audit: AuditTrail,
  ) {}

  /**
   * The columns every new version of a versioned chart entry carries (schema/chart.ts): its id, whose
   * chart it is, what it replaces and why, and who recorded it when.
   */
  protected versionColumns(
    admitted: AdmittedPatient,
    replaces: { readonly id: string; readonly reason: string } | null,
  ): { id: string; clinicId: string; patientId: string; replacesId: string | null; reason: string | null; recordedBy: string; recordedAt: Date } {
    return {
      id: newId(),
      clinicId: admitted.clinicId,
      patientId: admitted.id,
      replacesId: replaces?.id ?? null,
      reason: replaces?.reason ?? null,
      recordedBy: this.ctx.auth.user.id,
      recordedAt: this.ctx.now,
    };
  }

  /** Admits the caller to `patientId` and records the access (read or write) as an audit fact. */
  async admit(patientId: string, options: AdmitOptions): Promise<AdmittedPatient> {
    const principal = this.ctx.auth.principal;
    const scope = scopeCondition(options.scope === 'clinical' ? clinicalScope(principal) : demographicScope(principal), this.ctx);
    const query = this.tx
      .select({
        id: patient.id,
        clinicId: patient.clinicId,
        mrn: patient.mrn,
        dateOfBirth: patient.dateOfBirth,
        status: patient.status,
        intakeSelfReport: patient.intakeSelfReport,
        inScope: sql<boolean>`${scope}`,
        breakGlass: breakGlassReason(this.ctx),
      })
      .from(patient)
      .where(and(eq(patient.id, patientId), eq(patient.clinicId, this.ctx.auth.user.clinicId)))
      .limit(1);
    const [row] = options.lock ? await query.for('update', { of: patient }) : await query;
    if (!row) throw new NotFound('Patient');
    if (!row.inScope && row.breakGlass === null) {
      this.audit.failure({
        action: options.action,
        patientId,
        resourceType: options.resourceType,
        resourceId: options.resourceId ?? null,
        detail: { reason: 'out_of_scope' },
      });
      throw new Forbidden(
        options.scope === 'clinical'
          ? 'This chart is not open to you: the patient is not on your care team. In an emergency, use break-glass access with a reason.'
          : 'This patient is not on your care team. In an emergency, use break-glass access with a reason.',
        'out_of_scope',
      );
    }
    const admitted = {
      id: row.id,
      clinicId: row.clinicId,
      mrn: row.mrn,
      dateOfBirth: row.dateOfBirth,
      status: row.status,
      intakeSelfReport: row.intakeSelfReport,
      breakGlassReason: row.inScope ? null : row.breakGlass,
    } as AdmittedPatient;
    if (options.recordAccess !== false) this.record(admitted, options);
    return admitted;
  }

  /**
   * Admits the caller to the patient an entry belongs to (a medication, a note…), found by the
   * entry's id within the caller's clinic; 404 when there is no such entry.
   */
  async admitByEntry(
    table: PgTable & { id: PgColumn; patientId: PgColumn; clinicId: PgColumn },
    entryId: string,
    resource: string,
    options: AdmitOptions,
  ): Promise<AdmittedPatient> {
    const [row] = await this.tx
      .select({ patientId: table.patientId })
      .from(table)
      .where(and(eq(table.id, entryId), eq(table.clinicId, this.ctx.auth.user.clinicId)))
      .limit(1);
    if (!row) throw new NotFound(resource);
    return this.admit(String(row.patientId), options);
  }

  /** Records one more audit fact about an admitted patient (break-glass reason carried). */
  record(admitted: AdmittedPatient, fact: Omit<AdmitOptions, 'scope' | 'lock' | 'recordAccess'>): void {
    this.audit.record({
      action: fact.action,
      patientId: admitted.id,
      resourceType: fact.resourceType,
      resourceId: fact.resourceId ?? null,
      breakGlassReason: admitted.breakGlassReason,
      ...(fact.detail ? { detail: fact.detail } : {}),
    });
  }

  /** A refused step on an admitted patient, kept in the audit trail although the transaction rolls back. */
  refused(admitted: AdmittedPatient, fact: Omit<AdmitOptions, 'scope' | 'lock' | 'recordAccess'>): void {
    this.audit.failure({
      action: fact.action,
      patientId: admitted.id,
      resourceType: fact.resourceType,
      resourceId: fact.resourceId ?? null,
      breakGlassReason: admitted.breakGlassReason,
      ...(fact.detail ? { detail: fact.detail } : {}),
    });
  }
}
