import { Conflict, NotFound, type ConsentDocumentView, type ConsentKind, type PublishConsentDocumentRequest } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import * as documents from './document-repo.js';
import { isUniqueViolation } from './unique-violation.js';

function view(row: documents.ConsentDocumentWithAuthor, currentIds: ReadonlySet<string>): ConsentDocumentView {
  const { document } = row;
  return {
    id: document.id,
    kind: document.kind as ConsentKind,
    version: document.version,
    title: document.title,
    body: document.body,
    contentHash: document.contentHash,
    changeNote: document.changeNote,
    publishedAt: document.publishedAt.toISOString(),
    publishedBy: row.publishedByName,
    current: currentIds.has(document.id),
  };
}

async function currentIdsOf(deps: AppDeps, clinicId: string): Promise<Set<string>> {
  return new Set((await documents.currentDocumentRefs(deps.db, clinicId)).map((ref) => ref.id));
}

/** The clinic's consent documents: the current version of each kind, or every version with `history`. */
export async function listConsentDocuments(
  deps: AppDeps,
  ctx: AuthedContext,
  query: { readonly kind?: ConsentKind | undefined; readonly history: boolean },
): Promise<ConsentDocumentView[]> {
  const clinicId = ctx.auth.user.clinicId;
  const currentIds = await currentIdsOf(deps, clinicId);
  const rows = await documents.listDocuments(deps.db, clinicId, { kind: query.kind });
  return rows.filter((row) => query.history || currentIds.has(row.document.id)).map((row) => view(row, currentIds));
}

export async function getConsentDocument(deps: AppDeps, ctx: AuthedContext, id: string): Promise<ConsentDocumentView> {
  const clinicId = ctx.auth.user.clinicId;
  const row = await documents.documentById(deps.db, clinicId, id);
  if (!row) throw new NotFound('Consent document');
  return view(row, await currentIdsOf(deps, clinicId));
}

/**
 * Publishes the next version of a kind; it supersedes the previous one at once (patients who signed
 * an older treatment consent must re-consent before their next medicine session). A published
 * version is never edited: a correction is another version.
 */
export async function publishConsentDocument(deps: AppDeps, ctx: AuthedContext, input: PublishConsentDocumentRequest): Promise<ConsentDocumentView> {
  const clinicId = ctx.auth.user.clinicId;
  const stale = (): Conflict =>
    new Conflict('Someone published a newer version of this document while you were editing. Reload it, then publish your changes again.', 'version_conflict');
  try {
    const published = await transact(deps.db, ctx, async (tx, audit) => {
      const latest = await documents.latestOfKind(tx, clinicId, input.kind);
      if ((latest?.version ?? 0) !== input.expectedCurrentVersion) throw stale();
      if (latest && latest.contentHash === documents.consentContentHash(input.title, input.body)) {
        throw new Conflict(`The text is the same as version ${latest.version}; there is nothing new to publish.`, 'document_unchanged');
      }
      const row = await documents.insertDocument(tx, {
        clinicId,
        kind: input.kind,
        version: (latest?.version ?? 0) + 1,
        title: input.title,
        body: input.body,
        changeNote: input.changeNote?.trim() || null,
        publishedAt: ctx.now,
        publishedBy: ctx.auth.user.id,
      });
      audit.record({
        action: 'create',
        resourceType: 'ConsentDocument',
        resourceId: row.id,
        detail: { kind: row.kind, version: row.version, supersedes: latest?.version ?? null },
      });
      return row;
    });
    return view({ document: published, publishedByName: ctx.auth.user.displayName }, new Set([published.id]));
  } catch (error) {
    if (isUniqueViolation(error)) throw stale();
    throw error;
  }
}
