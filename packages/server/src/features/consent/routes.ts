import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consentDetail,
  consentDocumentListQuery,
  consentDocumentParams,
  consentDocumentView,
  consentRecord,
  patientConsentParams,
  patientConsentsResponse,
  patientIdParams,
  publishConsentDocumentRequest,
  revokeConsentRequest,
  signConsentRequest,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as documents from './document-service.js';
import * as service from './service.js';

const tags = ['consent'];

/**
 * Informed consent (issue #3). Capabilities (packages/core/src/roles.ts):
 * - `consent.documents.read`: admin and patient-facing staff read the published documents;
 * - `consent.documents.publish`: admin publishes a new version (it supersedes the previous one);
 * - `consent.collect`: physicians, nurses, therapists and front desk present documents for signing
 *   (as the witness), see a patient's consent status, record revocations and download signed PDFs.
 *   The patient row is scoped like the chart header (a therapist: care team only; break-glass aside).
 */
export function consentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function consent(app) {
    app.get('/api/consent-documents', {
      config: { capability: 'consent.documents.read' },
      schema: { tags, summary: 'Consent documents: the current version of each kind, or every version', querystring: consentDocumentListQuery, response: { 200: z.array(consentDocumentView) } },
    }, async (request) => documents.listConsentDocuments(deps, authed(request.ctx), { kind: request.query.kind, history: request.query.history === 'true' }));

    app.get('/api/consent-documents/:id', {
      config: { capability: 'consent.documents.read' },
      schema: { tags, summary: 'One consent document version', params: consentDocumentParams, response: { 200: consentDocumentView } },
    }, async (request) => documents.getConsentDocument(deps, authed(request.ctx), request.params.id));

    app.post('/api/consent-documents', {
      config: { capability: 'consent.documents.publish' },
      schema: { tags, summary: 'Publish a new version of a consent document (supersedes the previous one)', body: publishConsentDocumentRequest, response: { 201: consentDocumentView } },
    }, async (request, reply) => reply.status(201).send(await documents.publishConsentDocument(deps, authed(request.ctx), request.body)));

    app.get('/api/patients/:id/consents', {
      config: { capability: 'consent.collect' },
      schema: { tags, summary: "A patient's consent status per kind, releases, and signed consents", params: patientIdParams, response: { 200: patientConsentsResponse } },
    }, async (request) => service.patientConsents(deps, authed(request.ctx), request.params.id));

    app.post('/api/patients/:id/consents', {
      config: { capability: 'consent.collect' },
      schema: { tags, summary: 'Record a patient signing a consent document (the caller is the witness)', params: patientIdParams, body: signConsentRequest, response: { 201: consentRecord } },
    }, async (request, reply) => reply.status(201).send(await service.signConsent(deps, authed(request.ctx), request.params.id, request.body)));

    app.get('/api/patients/:id/consents/:consentId', {
      config: { capability: 'consent.collect' },
      schema: { tags, summary: 'One signed consent, with the drawn signature', params: patientConsentParams, response: { 200: consentDetail } },
    }, async (request) => service.getConsent(deps, authed(request.ctx), request.params.id, request.params.consentId));

    app.post('/api/patients/:id/consents/:consentId/revoke', {
      config: { capability: 'consent.collect' },
      schema: { tags, summary: "Record the patient's revocation of a consent (reason required; never deleted)", params: patientConsentParams, body: revokeConsentRequest, response: { 200: consentRecord } },
    }, async (request) => service.revokeConsent(deps, authed(request.ctx), request.params.id, request.params.consentId, request.body.reason));

    app.get('/api/patients/:id/consents/:consentId/pdf', {
      config: { capability: 'consent.collect' },
      schema: { tags, summary: 'The signed consent as a PDF (audited as a print)', params: patientConsentParams, produces: ['application/pdf'] },
    }, async (request, reply) => {
      const { filename, pdf } = await service.consentPdf(deps, authed(request.ctx), request.params.id, request.params.consentId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    });
  };
}
