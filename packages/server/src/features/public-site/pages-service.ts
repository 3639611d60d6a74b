import { PUBLIC_PAGE_ROUTES, PUBLIC_PAGE_SLUGS, type PublicPage, type PublicPageSlug, type PublicPageSummary, type SavePublicPageRequest } from '@lantern/core';
import { transact } from '../../platform/audit/trail.js';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { DEFAULT_PUBLIC_PAGES } from './demo-content.js';
import { renderMarkdown } from './markdown.js';
import { pageRow, pageRows, upsertPage, type PageRow } from './pages-repo.js';

function pageView(slug: PublicPageSlug, row: PageRow | null): PublicPage {
  if (!row) return { slug, ...DEFAULT_PUBLIC_PAGES[slug], isDefault: true, updatedAt: null, updatedBy: null };
  return { slug, title: row.title, body: row.body, isDefault: false, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedByName };
}

/** A page as the public site shows it: the clinic's text, or Lantern's starter text until it has its own. */
export async function publishedPage(db: Executor, clinicId: string | null, slug: PublicPageSlug): Promise<PublicPage> {
  return pageView(slug, clinicId ? await pageRow(db, clinicId, slug) : null);
}

/** Every page of the site, for the admin's list. Public content, so not audited as a read. */
export async function listPages(deps: AppDeps, ctx: AuthedContext): Promise<PublicPageSummary[]> {
  const rows = await pageRows(deps.db, ctx.auth.user.clinicId);
  return PUBLIC_PAGE_SLUGS.map((slug) => {
    const { body: _body, ...page } = pageView(slug, rows.find((row) => row.slug === slug) ?? null);
    return { ...page, path: PUBLIC_PAGE_ROUTES[slug].path };
  });
}

export function getPage(deps: AppDeps, ctx: AuthedContext, slug: PublicPageSlug): Promise<PublicPage> {
  return publishedPage(deps.db, ctx.auth.user.clinicId, slug);
}

/** Saves a page; the public site shows it on the next request. Audited with the page, not its text. */
export async function savePage(deps: AppDeps, ctx: AuthedContext, slug: PublicPageSlug, input: SavePublicPageRequest): Promise<PublicPage> {
  await transact(deps.db, ctx, async (tx, audit) => {
    await upsertPage(tx, { clinicId: ctx.auth.user.clinicId, slug, title: input.title, body: input.body, updatedBy: ctx.auth.user.id, at: ctx.now });
    audit.record({ action: 'update', resourceType: 'PublicPage', resourceId: slug, detail: { characters: input.body.length } });
  });
  return publishedPage(deps.db, ctx.auth.user.clinicId, slug);
}

/** The HTML the public site would show for `body`, rendered by the same Markdown settings. */
export function previewPage(body: string): { html: string } {
  return { html: renderMarkdown(body).value };
}

/** Writes Lantern's starter text as the clinic's own pages (the demo seed). */
export async function seedPublicPages(tx: Executor, clinicId: string, at: Date): Promise<void> {
  for (const slug of PUBLIC_PAGE_SLUGS) {
    const page = DEFAULT_PUBLIC_PAGES[slug];
    await upsertPage(tx, { clinicId, slug, title: page.title, body: page.body, updatedBy: null, at });
  }
}
