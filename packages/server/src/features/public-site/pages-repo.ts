import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import { appUser, publicPage } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';

export interface PageRow {
  readonly slug: string;
  readonly title: string;
  readonly body: string;
  readonly updatedAt: Date;
  readonly updatedByName: string | null;
}

const columns = {
  slug: publicPage.slug,
  title: publicPage.title,
  body: publicPage.body,
  updatedAt: publicPage.updatedAt,
  updatedByName: appUser.displayName,
};

/** The clinic's saved pages (those it has written). */
export async function pageRows(db: Executor, clinicId: string): Promise<PageRow[]> {
  return db.select(columns).from(publicPage).leftJoin(appUser, eq(appUser.id, publicPage.updatedBy)).where(eq(publicPage.clinicId, clinicId));
}

export async function pageRow(db: Executor, clinicId: string, slug: string): Promise<PageRow | null> {
  const [row] = await db
    .select(columns)
    .from(publicPage)
    .leftJoin(appUser, eq(appUser.id, publicPage.updatedBy))
    .where(and(eq(publicPage.clinicId, clinicId), eq(publicPage.slug, slug)))
    .limit(1);
  return row ?? null;
}

/** Saves a page's new text (one row per clinic and slug). */
export async function upsertPage(
  tx: Executor,
  input: { readonly clinicId: string; readonly slug: string; readonly title: string; readonly body: string; readonly updatedBy: string | null; readonly at: Date },
): Promise<void> {
  await tx
    .insert(publicPage)
    .values({ id: newId(), clinicId: input.clinicId, slug: input.slug, title: input.title, body: input.body, updatedBy: input.updatedBy, updatedAt: input.at })
    .onConflictDoUpdate({
      target: [publicPage.clinicId, publicPage.slug],
      set: { title: sql`excluded.title`, body: sql`excluded.body`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` },
    });
}
