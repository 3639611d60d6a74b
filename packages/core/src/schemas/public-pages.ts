import { z } from 'zod';
import { text } from './common.js';

/**
 * The clinic's public program pages, served as HTML at `/` (issue #3). Each page is Markdown an
 * admin edits; raw HTML in it is shown as text, never run.
 */
export const PUBLIC_PAGE_SLUGS = ['home', 'program', 'safety', 'faq', 'billing', 'inquire'] as const;
export const publicPageSlug = z.enum(PUBLIC_PAGE_SLUGS);
export type PublicPageSlug = z.infer<typeof publicPageSlug>;

/** Where each page lives on the public site and its label in the site's navigation. */
export const PUBLIC_PAGE_ROUTES: Record<PublicPageSlug, { readonly path: string; readonly navLabel: string }> = {
  home: { path: '/', navLabel: 'Home' },
  program: { path: '/program', navLabel: 'The program' },
  safety: { path: '/safety', navLabel: 'Safety' },
  faq: { path: '/faq', navLabel: 'FAQ' },
  billing: { path: '/billing', navLabel: 'Billing & insurance' },
  inquire: { path: '/inquire', navLabel: 'Inquire' },
};

/** Largest page body an admin may save (64 KiB of Markdown is a long page). */
export const PUBLIC_PAGE_MAX_BODY = 65_536;

export const publicPage = z.object({
  slug: publicPageSlug,
  title: z.string(),
  body: z.string(),
  /** True while the clinic has not saved its own text and Lantern's starter text shows. */
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});
export type PublicPage = z.infer<typeof publicPage>;

export const publicPageSummary = publicPage.omit({ body: true }).extend({ path: z.string() });
export type PublicPageSummary = z.infer<typeof publicPageSummary>;

export const publicPageParams = z.strictObject({ slug: publicPageSlug });

export const savePublicPageRequest = z.strictObject({
  title: text(120).min(1, 'Give the page a title'),
  body: z.string().max(PUBLIC_PAGE_MAX_BODY, 'The page is too long (64 KiB at most)'),
});
export type SavePublicPageRequest = z.infer<typeof savePublicPageRequest>;

export const previewPublicPageRequest = z.strictObject({ body: z.string().max(PUBLIC_PAGE_MAX_BODY) });
export const previewPublicPageResponse = z.object({ html: z.string() });
