import {
  ageInYears,
  Conflict,
  inquiryPrescreen,
  ValidationError,
  type ConvertInquiryRequest,
  type ConvertInquiryResponse,
  type DuplicateCandidate,
} from '@lantern/core';
import { transact } from '../../platform/audit/trail.js';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { clinicToday } from '../../platform/public-clinic.js';
import { advancePatientStatusWithin, createPatientWithin, findDuplicatePatientsWithin, getPatientWithin } from '../patients/service.js';
import { InquiryRepo } from './repo.js';
import { chartOf } from './assess-submission.js';
import { recordIntakeSelfReport } from '../chart/profile-service.js';

export type ConvertOutcome =
  | { readonly kind: 'converted'; readonly result: ConvertInquiryResponse }
  | { readonly kind: 'likely_duplicates'; readonly candidates: readonly DuplicateCandidate[] };

/**
 * Turns an inquiry into a patient without retyping: the chart is created from the inquiry's name,
 * date of birth and contact by the patients feature, in one transaction with the inquiry's change.
 * Before creating, the clinic's charts are searched for the same person (core duplicate rules); if
 * any is likely, nothing is written and the candidates come back, unless the caller confirms the
 * person is new (`confirmNotDuplicate`) or links the inquiry to an existing chart (`existingPatientId`).
 */
export async function convertInquiry(deps: AppDeps, ctx: AuthedContext, id: string, request: ConvertInquiryRequest): Promise<ConvertOutcome> {
  const { policy } = await deps.policies.current(ctx.auth.user.clinicId);
  const clinicZone = await deps.db.query.clinic.findFirst({ columns: { timeZone: true }, where: (c, { eq }) => eq(c.id, ctx.auth.user.clinicId) });
  const today = clinicToday(ctx.now, clinicZone?.timeZone ?? 'America/Chicago');
  return transact(deps.db, ctx, async (tx, audit): Promise<ConvertOutcome> => {
    const inquiries = new InquiryRepo(tx, ctx, audit);
    const row = await inquiries.lock(id);
    if (row.status === 'converted') throw new Conflict('This inquiry was already converted to a patient', 'inquiry_converted');

    if (request.existingPatientId) {
      const existing = await getPatientWithin(tx, ctx, audit, request.existingPatientId);
      await inquiries.update(id, { status: 'converted', patientId: existing.id });
      audit.record({ action: 'update', resourceType: 'Inquiry', resourceId: id, patientId: existing.id, detail: { field: 'status', from: row.status, to: 'converted', linked: true } });
      return { kind: 'converted', result: { patient: existing, linked: true } };
    }

    const dateOfBirth = request.dateOfBirth ?? row.dateOfBirth;
    if (!dateOfBirth) throw new ValidationError(['dateOfBirth'], 'The inquiry gave no date of birth; enter it to create the chart');
    ageInYears(dateOfBirth, today);
    if (!request.confirmNotDuplicate) {
      const person = { givenName: row.givenName, familyName: row.familyName, preferredName: row.preferredName, dateOfBirth, email: row.email, phone: row.phone };
      const candidates = await findDuplicatePatientsWithin(tx, ctx, audit, { person, policy: policy.eligibility });
      if (candidates.length > 0) return { kind: 'likely_duplicates', candidates: candidates.map((c) => ({ ...c, matchedOn: [...c.matchedOn] })) };
    }
    const created = await createPatientWithin(tx, ctx, audit, {
      legalGivenName: row.givenName,
      legalFamilyName: row.familyName,
      ...(row.preferredName ? { preferredName: row.preferredName } : {}),
      dateOfBirth,
      ...(row.email ? { email: row.email } : {}),
      ...(row.phone ? { phone: row.phone } : {}),
      careTeam: request.careTeam,
    });
    // The pre-screen's self-report goes to the chart, where the contraindication engine reads it.
    const prescreen = inquiryPrescreen.safeParse(row.prescreen);
    if (prescreen.success) await recordIntakeSelfReport(tx, created.id, chartOf({ dateOfBirth, prescreen: prescreen.data }));
    await inquiries.update(id, { status: 'converted', patientId: created.id });
    const status = await advancePatientStatusWithin(tx, ctx, audit, created.id, { kind: 'evaluation_started' });
    audit.record({
      action: 'update',
      resourceType: 'Inquiry',
      resourceId: id,
      patientId: created.id,
      detail: { field: 'status', from: row.status, to: 'converted', linked: false, confirmedNotDuplicate: request.confirmNotDuplicate },
    });
    return { kind: 'converted', result: { patient: { ...created, status }, linked: false } };
  });
}
