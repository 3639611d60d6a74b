import { and, arrayOverlaps, asc, eq, inArray } from 'drizzle-orm';
import {
  NotFound,
  personalContact,
  type CareTeam,
  type CareTeamCandidate,
  type PatientProfile,
  type PatientProfileFields,
  type UpdateCareTeamRequest,
} from '@lantern/core';
import { z } from 'zod';
import { appUser, careTeamMember, patient } from '../../platform/db/schema/index.js';
import { ChartRepo, type AdmittedPatient } from './chart-repo.js';
import { blankToNull } from './versions.js';

type PatientRow = typeof patient.$inferSelect;

const storedContact = personalContact.nullable().catch(null);
const storedEscorts = z.array(personalContact).catch([]);

/** The profile view of a patient row. */
export function profileOf(row: PatientRow): PatientProfile {
  return {
    id: row.id,
    mrn: row.mrn,
    version: row.profileVersion,
    updatedAt: row.updatedAt.toISOString(),
    legalGivenName: row.legalGivenName,
    legalFamilyName: row.legalFamilyName,
    preferredName: row.preferredName,
    pronouns: row.pronouns,
    dateOfBirth: row.dateOfBirth,
    email: row.email,
    phone: row.phone,
    address:
      row.addressLine1 && row.addressCity && row.addressState && row.addressPostalCode
        ? { line1: row.addressLine1, line2: row.addressLine2, city: row.addressCity, state: row.addressState, postalCode: row.addressPostalCode }
        : null,
    emergencyContact: storedContact.parse(row.emergencyContact),
    escorts: storedEscorts.parse(row.escorts),
    pharmacy: row.pharmacyName ? { name: row.pharmacyName, phone: row.pharmacyPhone, address: row.pharmacyAddress } : null,
    insurance:
      row.insurancePayer && row.insuranceMemberId
        ? { payer: row.insurancePayer, memberId: row.insuranceMemberId, groupNumber: row.insuranceGroupNumber }
        : null,
  };
}

function contact(value: PatientProfileFields['emergencyContact']): PatientProfileFields['emergencyContact'] {
  return value ? { name: value.name, relationship: blankToNull(value.relationship), phone: value.phone } : null;
}

/** The demographic profile and the care team; reached only through an admitted patient. */
export class ProfileRepo extends ChartRepo {
  async load(admitted: AdmittedPatient): Promise<PatientRow> {
    const [row] = await this.tx.select().from(patient).where(eq(patient.id, admitted.id)).limit(1);
    if (!row) throw new NotFound('Patient');
    return row;
  }

  /** Replaces the profile if it is still at `version`; null when someone else saved first. */
  async update(admitted: AdmittedPatient, version: number, fields: PatientProfileFields): Promise<PatientRow | null> {
    const [row] = await this.tx
      .update(patient)
      .set({
        legalGivenName: fields.legalGivenName,
        legalFamilyName: fields.legalFamilyName,
        preferredName: blankToNull(fields.preferredName),
        pronouns: blankToNull(fields.pronouns),
        dateOfBirth: fields.dateOfBirth,
        email: fields.email,
        phone: blankToNull(fields.phone),
        addressLine1: fields.address?.line1 ?? null,
        addressLine2: blankToNull(fields.address?.line2),
        addressCity: fields.address?.city ?? null,
        addressState: fields.address?.state ?? null,
        addressPostalCode: fields.address?.postalCode ?? null,
        emergencyContact: contact(fields.emergencyContact),
        escorts: fields.escorts.map((escort) => contact(escort)),
        pharmacyName: fields.pharmacy?.name ?? null,
        pharmacyPhone: blankToNull(fields.pharmacy?.phone),
        pharmacyAddress: blankToNull(fields.pharmacy?.address),
        insurancePayer: fields.insurance?.payer ?? null,
        insuranceMemberId: fields.insurance?.memberId ?? null,
        insuranceGroupNumber: blankToNull(fields.insurance?.groupNumber),
        profileVersion: version + 1,
        updatedAt: this.ctx.now,
      })
      .where(and(eq(patient.id, admitted.id), eq(patient.profileVersion, version)))
      .returning();
    return row ?? null;
  }

  async careTeam(admitted: AdmittedPatient): Promise<CareTeam> {
    const rows = await this.tx
      .select({ userId: careTeamMember.userId, role: careTeamMember.role, displayName: appUser.displayName })
      .from(careTeamMember)
      .innerJoin(appUser, eq(appUser.id, careTeamMember.userId))
      .where(eq(careTeamMember.patientId, admitted.id))
      .orderBy(asc(careTeamMember.role), asc(appUser.displayName));
    return rows.map((row) => ({ userId: row.userId, displayName: row.displayName, role: row.role as CareTeam[number]['role'] }));
  }

  /** Replaces the care team; every member must be an active clinician of the clinic holding the role. */
  async replaceCareTeam(admitted: AdmittedPatient, members: UpdateCareTeamRequest['members']): Promise<CareTeam> {
    if (members.length > 0) {
      const staff = await this.tx
        .select({ id: appUser.id, roles: appUser.roles })
        .from(appUser)
        .where(and(inArray(appUser.id, members.map((m) => m.userId)), eq(appUser.clinicId, admitted.clinicId), eq(appUser.active, true), eq(appUser.kind, 'staff')));
      for (const [index, member] of members.entries()) {
        if (!staff.find((s) => s.id === member.userId)?.roles.includes(member.role)) {
          throw new NotFound(`Care team member ${index + 1} (an active ${member.role} of this clinic)`);
        }
      }
    }
    await this.tx.delete(careTeamMember).where(eq(careTeamMember.patientId, admitted.id));
    if (members.length > 0) {
      await this.tx.insert(careTeamMember).values(members.map((m) => ({ patientId: admitted.id, userId: m.userId, role: m.role, addedAt: this.ctx.now })));
    }
    return this.careTeam(admitted);
  }

  /** Active staff of the clinic who hold a care role (no patient data: who can be on a team). */
  async candidates(): Promise<CareTeamCandidate[]> {
    const careRoles = ['therapist', 'physician', 'nurse'] as const;
    const rows = await this.tx
      .select({ id: appUser.id, displayName: appUser.displayName, roles: appUser.roles })
      .from(appUser)
      .where(and(eq(appUser.clinicId, this.ctx.auth.user.clinicId), eq(appUser.active, true), eq(appUser.kind, 'staff'), arrayOverlaps(appUser.roles, [...careRoles])))
      .orderBy(asc(appUser.displayName));
    return rows.map((row) => ({
      userId: row.id,
      displayName: row.displayName,
      roles: careRoles.filter((role) => row.roles.includes(role)),
    }));
  }
}
