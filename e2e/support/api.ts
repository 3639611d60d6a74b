import { inject } from 'vitest';
import type { ConsentDocumentView, CourseTimelineView } from '@lantern/core';
import { DEMO_PASSWORD } from './flows.js';

export interface ApiSession {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T>;
}

/** A signed-in API session from Node, for test set-up and clean-up (the tests drive the browser). */
export async function apiSession(email: string, password: string = DEMO_PASSWORD): Promise<ApiSession> {
  const base = inject('apiUrl');
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in for ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path} failed: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  return {
    get: (path) => call('GET', path),
    send: (method, path, body) => call(method, path, body),
  };
}

/**
 * Another browser test may publish a new KAP consent version (consent.e2e.ts): a patient whose
 * course it now blocks re-consents first, as they would in clinic.
 */
export async function reconsentIfBlocked(patientId: string, typedName: string): Promise<void> {
  const nurse = await apiSession('nurse@lantern.test');
  const course = await nurse.get<CourseTimelineView>(`/api/patients/${patientId}/course`);
  if (![...course.blockers, ...course.medicineGate].some((b) => b.code === 'consent_current')) return;
  const [kap] = await nurse.get<ConsentDocumentView[]>('/api/consent-documents?kind=kap_treatment');
  if (!kap) throw new Error('No KAP consent document is published');
  await nurse.send('POST', `/api/patients/${patientId}/consents`, { documentId: kap.id, documentHash: kap.contentHash, typedName, acknowledged: true });
}
