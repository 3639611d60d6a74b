import { and, desc, eq } from 'drizzle-orm';
import type { ConsentKind } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, consentDocument } from '../../platform/db/schema/index.js';
import { sha256Hex } from '../../platform/crypto.js';
import { newId } from '../../platform/ids.js';

export type ConsentDocumentRow = typeof consentDocument.$inferSelect;
export interface ConsentDocumentWithAuthor {
  readonly document: ConsentDocumentRow;
  readonly publishedByName: string | null;
}

/**
 * The content hash of a document version: SHA-256 (hex) of the UTF-8 text `title + "\n\n" + body`,
 * exactly what the signing screen shows and the PDF prints. Anyone can recompute it from the text.
 */
export function consentContentHash(title: string, body: string): string {
  return sha256Hex(`${title}\n\n${body}`);
}

/** Document versions of a clinic (not patient data: templates), newest version first. */
export async function listDocuments(db: Executor, clinicId: string, filter: { readonly kind?: ConsentKind | undefined }): Promise<ConsentDocumentWithAuthor[]> {
  return db
    .select({ document: consentDocument, publishedByName: appUser.displayName })
    .from(consentDocument)
    .leftJoin(appUser, eq(appUser.id, consentDocument.publishedBy))
    .where(and(eq(consentDocument.clinicId, clinicId), filter.kind ? eq(consentDocument.kind, filter.kind) : undefined))
    .orderBy(consentDocument.kind, desc(consentDocument.version));
}

export async function documentById(db: Executor, clinicId: string, id: string): Promise<ConsentDocumentWithAuthor | null> {
  const [row] = await db
    .select({ document: consentDocument, publishedByName: appUser.displayName })
    .from(consentDocument)
    .leftJoin(appUser, eq(appUser.id, consentDocument.publishedBy))
    .where(and(eq(consentDocument.clinicId, clinicId), eq(consentDocument.id, id)))
    .limit(1);
  return row ?? null;
}

/** The newest version of each kind the clinic has published. */
export async function currentDocumentRefs(db: Executor, clinicId: string): Promise<{ id: string; kind: ConsentKind; version: number; publishedAt: Date }[]> {
  const rows = await db
    .selectDistinctOn([consentDocument.kind], { id: consentDocument.id, kind: consentDocument.kind, version: consentDocument.version, publishedAt: consentDocument.publishedAt })
    .from(consentDocument)
    .where(eq(consentDocument.clinicId, clinicId))
    .orderBy(consentDocument.kind, desc(consentDocument.version));
  return rows.map((row) => ({ ...row, kind: row.kind as ConsentKind }));
}

/** The newest version of one kind (a concurrent publish of the same version loses on the unique index). */
export async function latestOfKind(tx: Executor, clinicId: string, kind: ConsentKind): Promise<ConsentDocumentRow | null> {
  const [row] = await tx
    .select()
    .from(consentDocument)
    .where(and(eq(consentDocument.clinicId, clinicId), eq(consentDocument.kind, kind)))
    .orderBy(desc(consentDocument.version))
    .limit(1);
  return row ?? null;
}

export async function insertDocument(
  tx: Executor,
  input: { readonly clinicId: string; readonly kind: ConsentKind; readonly version: number; readonly title: string; readonly body: string; readonly changeNote: string | null; readonly publishedAt: Date; readonly publishedBy: string | null },
): Promise<ConsentDocumentRow> {
  const [row] = await tx
    .insert(consentDocument)
    .values({ id: newId(), ...input, contentHash: consentContentHash(input.title, input.body) })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
