import {
  Conflict,
  NotFound,
  CRISIS_MESSAGE,
  CRISIS_RESOURCES,
  screenSafety,
  type EligibilityPolicy,
  type InquiryReceipt,
  type InquirySubmission,
  type SafetyPrescreen,
} from '@lantern/core';
import { transact } from '../../platform/audit/trail.js';
import type { RequestContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { clinicToday, publicClinic, type PublicClinic } from '../../platform/public-clinic.js';
import { assessSubmission } from './assess-submission.js';
import { insertAlert } from './alerts-repo.js';
import { newInquiryReference } from './reference-code.js';
import * as repo from './submission-repo.js';

/** The same answers sent again within this many minutes are the same inquiry (a double submit, a reload). */
export const REPEAT_WINDOW_MINUTES = 10;

/** Where a submission came from: the no-JavaScript form or the JSON API. */
export type SubmissionSource = 'web_form' | 'api';

function receipt(reference: string, urgent: boolean, replayed: boolean): InquiryReceipt {
  return {
    reference,
    urgent,
    crisisMessage: urgent ? CRISIS_MESSAGE : null,
    crisisResources: urgent ? CRISIS_RESOURCES.map((resource) => ({ ...resource, contacts: [...resource.contacts] })) : [],
    replayed,
  };
}

/** The clinic the public site serves, or an error a page can explain. */
export async function requirePublicClinic(deps: AppDeps): Promise<PublicClinic> {
  const clinic = await publicClinic(deps.db);
  if (!clinic) throw new NotFound('Clinic');
  return clinic;
}

/**
 * Whether answers that failed validation still carry a danger signal (core `screenSafety` reads
 * unambiguous signals from incomplete answers): the form then shows crisis resources at once, even
 * though nothing is stored until the person fixes the form.
 */
export function dangerInIncompleteAnswers(prescreen: unknown, policy: EligibilityPolicy): boolean {
  try {
    return screenSafety(prescreen as SafetyPrescreen, policy).urgent;
  } catch {
    return false;
  }
}

/**
 * Receives a public inquiry. In one transaction: the repeat check (same idempotency key, or the same
 * answers within REPEAT_WINDOW_MINUTES, answers with the first receipt), the inquiry with its scores
 * and triage, an urgent clinic alert when the safety screen says so, and the audit facts. A filled-in
 * honeypot is answered like a success and stores nothing (crisis resources still show if urgent).
 */
export async function submitInquiry(
  deps: AppDeps,
  ctx: RequestContext,
  options: { readonly submission: InquirySubmission; readonly source: SubmissionSource },
): Promise<InquiryReceipt> {
  const { submission } = options;
  const clinic = await requirePublicClinic(deps);
  const { version, policy } = await deps.policies.current(clinic.id);
  const today = clinicToday(ctx.now, clinic.timeZone);
  const assessed = assessSubmission({ clinicId: clinic.id, submission, policy: policy.eligibility, today });
  if (submission.website !== undefined && submission.website.trim() !== '') {
    return receipt(newInquiryReference(), assessed.urgent, false);
  }
  const actor = { userId: null, clinicId: clinic.id, roles: 'public' };
  return transact(deps.db, ctx, async (tx, audit) => {
    await repo.lockClinicSubmissions(tx, clinic.id);
    if (submission.idempotencyKey) {
      const earlier = await repo.inquiryByIdempotencyKey(tx, clinic.id, submission.idempotencyKey);
      if (earlier && earlier.contentHash !== assessed.contentHash) {
        throw new Conflict('This idempotency key was already used for a different inquiry', 'idempotency_key_reused');
      }
      if (earlier) return receipt(earlier.reference, earlier.urgent, true);
    }
    const since = new Date(ctx.now.getTime() - REPEAT_WINDOW_MINUTES * 60_000);
    const repeat = await repo.recentInquiryWithContent(tx, clinic.id, assessed.contentHash, since);
    if (repeat) return receipt(repeat.reference, repeat.urgent, true);

    const row = await repo.insertInquiry(tx, {
      clinicId: clinic.id,
      reference: newInquiryReference(),
      givenName: submission.givenName,
      familyName: submission.familyName,
      preferredName: submission.preferredName ?? null,
      email: submission.email ?? null,
      phone: submission.phone ?? null,
      preferredContact: submission.preferredContact,
      reason: submission.reason,
      modality: submission.modality,
      heardFrom: submission.heardFrom ?? null,
      heardFromDetail: submission.heardFromDetail ?? null,
      dateOfBirth: submission.dateOfBirth ?? null,
      ageYears: submission.ageYears ?? null,
      prescreen: submission.prescreen ?? null,
      scores: assessed.scores,
      triage: assessed.triage,
      triageReasons: assessed.reasons,
      urgent: assessed.urgent,
      policyVersion: version,
      status: 'new',
      contentHash: assessed.contentHash,
      idempotencyKey: submission.idempotencyKey ?? null,
      source: options.source,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    audit.record({ action: 'create', resourceType: 'Inquiry', resourceId: row.id, actor, detail: { triage: assessed.triage, source: options.source, policyVersion: version } });
    if (assessed.urgent) {
      // clinical.md §4.2: a high-priority alert at once, in the same transaction as the inquiry.
      const alertId = await insertAlert(tx, {
        clinicId: clinic.id,
        kind: 'urgent_inquiry',
        severity: 'urgent',
        title: `Urgent safety screen on inquiry ${row.reference}`,
        reasons: assessed.safetyReasons.map((reason) => ({ code: reason.code, message: reason.message })),
        inquiryId: row.id,
        createdAt: ctx.now,
      });
      audit.record({ action: 'create', resourceType: 'ClinicAlert', resourceId: alertId, actor, detail: { kind: 'urgent_inquiry', reasons: assessed.safetyReasons.map((r) => r.code) } });
    }
    return receipt(row.reference, assessed.urgent, false);
  });
}
