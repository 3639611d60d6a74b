import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { demographicScope, Forbidden, NotFound, patientStatusAfter, type ChartEvent, type CreatePatientRequest, type PatientHeader, type PatientScope, type PatientStatus } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import type { AuditTrail } from '../../platform/audit/trail.js';
import { appUser, breakGlassGrant, careTeamMember, patient } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { breakGlassReason, preparedScope, scopeCondition, scopeParams } from './scope.js';

type PatientRow = typeof patient.$inferSelect;
type CareTeam = PatientHeader['careTeam'];

/** The row's care team as JSON, in the same statement as the row (one round trip per read). */
function careTeamOf(): SQL<CareTeam> {
  return sql<CareTeam>`(SELECT coalesce(json_agg(json_build_object('userId', ctm."user_id", 'displayName', u."display_name", 'role', ctm."role")
      ORDER BY ctm."role", u."display_name"), '[]'::json)
    FROM "care_team_member" ctm JOIN "app_user" u ON u."id" = ctm."user_id"
    WHERE ctm."patient_id" = "patient"."id")`;
}

function toHeader(row: PatientRow, careTeam: CareTeam): PatientHeader {
  return {
    id: row.id,
    mrn: row.mrn,
    legalName: `${row.legalGivenName} ${row.legalFamilyName}`,
    preferredName: row.preferredName,
    pronouns: row.pronouns,
    dateOfBirth: row.dateOfBirth,
    status: row.status as PatientStatus,
    careTeam,
  };
}

interface HeaderRow {
  readonly patient: PatientRow;
  readonly inScope: boolean;
  readonly breakGlass: string | null;
  readonly careTeam: CareTeam;
}

interface HeaderStatement {
  execute(params: Record<string, unknown>): Promise<HeaderRow[]>;
}

/** The chart-header read, prepared once per executor and scope shape (the hottest read there is). */
const headerStatements = new WeakMap<Executor, Map<string, HeaderStatement>>();

function headerStatement(db: Executor, scope: PatientScope): HeaderStatement {
  const shape = preparedScope(scope);
  const byShape = headerStatements.get(db) ?? new Map<string, HeaderStatement>();
  headerStatements.set(db, byShape);
  const known = byShape.get(shape.key);
  if (known) return known;
  const statement = db
    .select({ patient, inScope: sql<boolean>`${shape.condition}`, breakGlass: shape.breakGlass, careTeam: careTeamOf() })
    .from(patient)
    .where(and(eq(patient.id, sql.placeholder('id')), eq(patient.clinicId, sql.placeholder('scopeClinicId'))))
    .limit(1)
    .prepare(`patient_header_${shape.key}`);
  byShape.set(shape.key, statement);
  return statement;
}

/** The identifying facts of one chart, for duplicate detection. */
export interface PatientIdentityRow {
  readonly id: string;
  readonly mrn: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly preferredName: string | null;
  readonly dateOfBirth: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly inScope: boolean;
}

/** The next medical record number, e.g. `L100042`, from a sequence (never reused). */
export async function nextMrn(tx: Executor): Promise<string> {
  const result = await tx.execute(sql`SELECT nextval('patient_mrn_seq')::text AS next`);
  const next = (result as unknown as { rows: { next: string }[] }).rows[0]?.next;
  if (!next) throw new Error('patient_mrn_seq returned nothing');
  return `L${next}`;
}

/**
 * The patients repository. It takes the request context and the audit trail, and every read goes
 * through the caller's scope: a row outside it is refused (and the refusal audited), never returned.
 */
export class PatientsRepo {
  constructor(
    private readonly tx: Executor,
    private readonly ctx: AuthedContext,
    private readonly audit: AuditTrail,
  ) {}

  /** Reads one chart header, in scope or through a live break-glass grant. */
  async header(id: string): Promise<PatientHeader> {
    const scope = demographicScope(this.ctx.auth.principal);
    const [row] = await headerStatement(this.tx, scope).execute({ id, ...scopeParams(scope, this.ctx) });
    if (!row) throw new NotFound('Patient');
    if (!row.inScope && row.breakGlass === null) {
      this.audit.failure({ action: 'read', patientId: id, resourceType: 'Patient', resourceId: id, detail: { reason: 'out_of_scope' } });
      throw new Forbidden('This patient is not on your care team. In an emergency, use break-glass access with a reason.', 'out_of_scope');
    }
    this.audit.record({
      action: 'read',
      patientId: id,
      resourceType: 'Patient',
      resourceId: id,
      breakGlassReason: row.inScope ? null : row.breakGlass,
    });
    return toHeader(row.patient, row.careTeam);
  }

  /** Lists the headers in the caller's scope (plus live break-glass grants), optionally filtered. */
  async list(query: { readonly q?: string | undefined; readonly limit: number; readonly offset: number }): Promise<PatientHeader[]> {
    const scope = scopeCondition(demographicScope(this.ctx.auth.principal), this.ctx);
    const glass = sql`${breakGlassReason(this.ctx)} IS NOT NULL`;
    const term = query.q ? `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.tx
      .select({ patient, careTeam: careTeamOf() })
      .from(patient)
      .where(
        and(
          eq(patient.clinicId, this.ctx.auth.user.clinicId),
          or(scope, glass),
          term ? or(ilike(patient.legalFamilyName, term), ilike(patient.legalGivenName, term), ilike(patient.preferredName, term), ilike(patient.mrn, term)) : undefined,
        ),
      )
      .orderBy(asc(patient.legalFamilyName), asc(patient.legalGivenName))
      .limit(query.limit)
      .offset(query.offset);
    // A search is a query over PHI: audit it, with the count but never the search term (it may be a name).
    this.audit.record({ action: 'query', resourceType: 'Patient', detail: { results: rows.length, filtered: term !== null } });
    return rows.map((row) => toHeader(row.patient, row.careTeam));
  }

  async create(input: CreatePatientRequest): Promise<PatientHeader> {
    const id = newId();
    const mrn = await nextMrn(this.tx);
    if (input.careTeam.length > 0) {
      const members = await this.tx
        .select({ id: appUser.id, roles: appUser.roles })
        .from(appUser)
        .where(and(inArray(appUser.id, input.careTeam.map((m) => m.userId)), eq(appUser.clinicId, this.ctx.auth.user.clinicId), eq(appUser.active, true)));
      for (const [index, member] of input.careTeam.entries()) {
        const found = members.find((m) => m.id === member.userId);
        if (!found?.roles.includes(member.role)) {
          throw new NotFound(`Care team member ${index + 1} (an active ${member.role} of this clinic)`);
        }
      }
    }
    const [row] = await this.tx
      .insert(patient)
      .values({
        id,
        clinicId: this.ctx.auth.user.clinicId,
        mrn,
        legalGivenName: input.legalGivenName,
        legalFamilyName: input.legalFamilyName,
        preferredName: input.preferredName ?? null,
        pronouns: input.pronouns ?? null,
        dateOfBirth: input.dateOfBirth,
        email: input.email ?? null,
        phone: input.phone ?? null,
        status: 'inquiry',
        createdAt: this.ctx.now,
        updatedAt: this.ctx.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    if (input.careTeam.length > 0) {
      await this.tx.insert(careTeamMember).values(input.careTeam.map((m) => ({ patientId: id, userId: m.userId, role: m.role, addedAt: this.ctx.now })));
    }
    this.audit.record({ action: 'create', patientId: id, resourceType: 'Patient', resourceId: id });
    const [created] = await this.tx.select({ careTeam: careTeamOf() }).from(patient).where(eq(patient.id, id));
    return toHeader(row, created?.careTeam ?? []);
  }

  /**
   * Who every patient of the clinic is (names, date of birth, contact), for duplicate detection,
   * which must see the whole clinic. `inScope` says whether the caller may see that chart's
   * demographics, so a caller outside it is shown the MRN only. Audited as a query, with the count.
   */
  async identities(purpose: string): Promise<PatientIdentityRow[]> {
    const scope = scopeCondition(demographicScope(this.ctx.auth.principal), this.ctx);
    const rows = await this.tx
      .select({
        id: patient.id,
        mrn: patient.mrn,
        givenName: patient.legalGivenName,
        familyName: patient.legalFamilyName,
        preferredName: patient.preferredName,
        dateOfBirth: patient.dateOfBirth,
        email: patient.email,
        phone: patient.phone,
        inScope: sql<boolean>`${scope}`,
      })
      .from(patient)
      .where(eq(patient.clinicId, this.ctx.auth.user.clinicId));
    this.audit.record({ action: 'query', resourceType: 'Patient', detail: { purpose, results: rows.length } });
    return rows;
  }

  /** True when the patient exists in the caller's clinic (used before granting break-glass). */
  async existsInClinic(id: string): Promise<{ mrn: string } | null> {
    const [row] = await this.tx
      .select({ mrn: patient.mrn })
      .from(patient)
      .where(and(eq(patient.id, id), eq(patient.clinicId, this.ctx.auth.user.clinicId)))
      .limit(1);
    return row ?? null;
  }

  /**
   * Moves the chart's status on as its evaluation advances (core `patientStatusAfter`), within the
   * caller's transaction and only from the status it read (a concurrent change wins; nothing is
   * overwritten), audited with where it came from. Returns the status now in force.
   */
  async advanceStatus(id: string, event: ChartEvent): Promise<PatientStatus> {
    const [row] = await this.tx.select({ status: patient.status }).from(patient).where(and(eq(patient.id, id), eq(patient.clinicId, this.ctx.auth.user.clinicId)));
    if (!row) throw new NotFound('Patient');
    const from = row.status as PatientStatus;
    const to = patientStatusAfter(from, event);
    if (to === from) return from;
    const moved = await this.tx
      .update(patient)
      .set({ status: to, updatedAt: this.ctx.now })
      .where(and(eq(patient.id, id), eq(patient.status, from)))
      .returning({ id: patient.id });
    if (moved.length === 0) return from;
    this.audit.record({ action: 'update', patientId: id, resourceType: 'Patient', resourceId: id, detail: { field: 'status', from, to, because: event.kind } });
    return to;
  }
}

type GrantRow = typeof breakGlassGrant.$inferSelect;

export async function insertBreakGlassGrant(
  tx: Executor,
  input: { readonly clinicId: string; readonly userId: string; readonly patientId: string; readonly reason: string; readonly grantedAt: Date; readonly expiresAt: Date },
): Promise<GrantRow> {
  const [row] = await tx.insert(breakGlassGrant).values({ id: newId(), ...input }).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function listBreakGlassGrants(
  db: Executor,
  clinicId: string,
  filter: { readonly unreviewedOnly: boolean },
): Promise<{ grant: GrantRow; userName: string; patientMrn: string; reviewerName: string | null }[]> {
  const reviewer = sql<string | null>`(SELECT r."display_name" FROM "app_user" r WHERE r."id" = "break_glass_grant"."reviewed_by")`;
  return db
    .select({ grant: breakGlassGrant, userName: appUser.displayName, patientMrn: patient.mrn, reviewerName: reviewer })
    .from(breakGlassGrant)
    .innerJoin(appUser, eq(appUser.id, breakGlassGrant.userId))
    .innerJoin(patient, eq(patient.id, breakGlassGrant.patientId))
    .where(and(eq(breakGlassGrant.clinicId, clinicId), filter.unreviewedOnly ? sql`${breakGlassGrant.reviewedAt} IS NULL` : undefined))
    .orderBy(desc(breakGlassGrant.grantedAt))
    .limit(500);
}

export async function reviewBreakGlassGrant(
  tx: Executor,
  input: { readonly clinicId: string; readonly id: string; readonly reviewerId: string; readonly note: string; readonly at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(breakGlassGrant)
    .set({ reviewedBy: input.reviewerId, reviewedAt: input.at, reviewNote: input.note })
    .where(and(eq(breakGlassGrant.id, input.id), eq(breakGlassGrant.clinicId, input.clinicId), sql`${breakGlassGrant.reviewedAt} IS NULL`))
    .returning({ id: breakGlassGrant.id });
  return rows.length === 1;
}
