import type { ConsentDocumentView, PatientConsentsResponse } from '@lantern/core';
import type { Agent } from './harness.js';
import { signatureDataUrl } from './png-fixture.js';

/** The current version of a kind, as the signing screen would load it. */
export async function currentDocument(agent: Agent, kind: ConsentDocumentView['kind']): Promise<ConsentDocumentView> {
  const response = await agent.get(`/api/consent-documents?kind=${kind}`);
  const [document] = response.json() as ConsentDocumentView[];
  if (!document) throw new Error(`no ${kind} document published`);
  return document;
}

/** A complete, valid signing request for `document` (override any field). */
export function signing(document: Pick<ConsentDocumentView, 'id' | 'contentHash'>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    documentId: document.id,
    documentHash: document.contentHash,
    typedName: 'Avery Q. Lindgren',
    signatureImage: signatureDataUrl(),
    acknowledged: true,
    ...overrides,
  };
}

export async function consentsOf(agent: Agent, patientId: string): Promise<PatientConsentsResponse> {
  const response = await agent.get(`/api/patients/${patientId}/consents`);
  if (response.statusCode !== 200) throw new Error(`consents: ${response.statusCode} ${response.body}`);
  return response.json() as PatientConsentsResponse;
}
