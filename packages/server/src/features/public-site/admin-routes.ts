import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { previewPublicPageRequest, previewPublicPageResponse, publicPage, publicPageParams, publicPageSummary, savePublicPageRequest } from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as service from './pages-service.js';

const tags = ['public site'];
const siteAdmin = { capability: 'site.manage' as const };

/** The admin's editor for the public program pages (Markdown). */
export function publicPagesAdminRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function publicPagesAdmin(app) {
    app.get('/api/admin/pages', {
      config: siteAdmin,
      schema: { tags, summary: 'The public program pages and when each was last edited', response: { 200: z.array(publicPageSummary) } },
    }, async (request) => service.listPages(deps, authed(request.ctx)));

    app.get('/api/admin/pages/:slug', {
      config: siteAdmin,
      schema: { tags, summary: "One page's Markdown", params: publicPageParams, response: { 200: publicPage } },
    }, async (request) => service.getPage(deps, authed(request.ctx), request.params.slug));

    app.put('/api/admin/pages/:slug', {
      config: siteAdmin,
      schema: { tags, summary: "Save a page's title and Markdown (shown on the public site at once)", params: publicPageParams, body: savePublicPageRequest, response: { 200: publicPage } },
    }, async (request) => service.savePage(deps, authed(request.ctx), request.params.slug, request.body));

    app.post('/api/admin/pages/preview', {
      config: siteAdmin,
      schema: { tags, summary: 'Render Markdown as the public site would (raw HTML is shown as text)', body: previewPublicPageRequest, response: { 200: previewPublicPageResponse } },
    }, async (request) => service.previewPage(request.body.body));
  };
}
