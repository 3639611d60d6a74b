import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { Conflict, CRISIS_MESSAGE, CRISIS_RESOURCES, PUBLIC_PAGE_ROUTES, ValidationError, type PublicPageSlug } from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { publicClinic, type PublicClinic } from '../../platform/public-clinic.js';
import { INQUIRY_RATE_LIMIT } from '../intake/routes.js';
import { dangerInIncompleteAnswers, submitInquiry } from '../intake/submit-service.js';
import { crisisPanel } from './crisis.js';
import { fieldOf, one, parseInquiryForm, type FieldErrors, type FormFields } from './form-input.js';
import { issueFormToken, verifyFormToken } from './form-token.js';
import { html, type SafeHtml } from './html.js';
import { inquiryForm } from './inquiry-form.js';
import { layout } from './layout.js';
import { renderMarkdown } from './markdown.js';
import { publishedPage } from './pages-service.js';
import { receiptBody } from './receipt-page.js';
import { loadStylesheet } from './stylesheet.js';

/** Largest form body accepted (the longest honest inquiry is well under 20 KiB). */
const FORM_BODY_LIMIT = 65_536;
const CONTENT_PAGES: readonly PublicPageSlug[] = ['home', 'program', 'safety', 'faq', 'billing'];

/** The visitor's form fields; anything that is not text (a JSON body sent here, say) is ignored. */
function formFields(body: unknown): FormFields {
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (Array.isArray(value)) fields[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return fields;
}

/**
 * The public site at `/`: the clinic's program pages and the inquiry form, server-rendered HTML
 * that needs no JavaScript. Form parsing (application/x-www-form-urlencoded) is registered in this
 * plugin only, and errors here answer as HTML pages rather than problem+json.
 */
export function publicSiteRoutes(deps: AppDeps): (app: FastifyInstance) => Promise<void> {
  return async function publicSite(app) {
    await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
    const stylesheet = loadStylesheet();

    const page = (reply: FastifyReply, options: { clinic: PublicClinic | null; title: string; current: PublicPageSlug | null; body: SafeHtml; status?: number; noStore?: boolean }): FastifyReply =>
      reply
        .status(options.status ?? 200)
        .type('text/html; charset=utf-8')
        .header('cache-control', options.noStore ? 'no-store' : 'no-cache')
        .send(layout({ clinic: options.clinic, title: options.title, current: options.current, stylesheetHref: stylesheet.href, body: options.body }).value);

    const formPage = async (
      reply: FastifyReply,
      options: { clinic: PublicClinic | null; fields: FormFields; errors: FieldErrors; status: number; notice?: string; danger?: boolean },
    ): Promise<FastifyReply> => {
      const intro = await publishedPage(deps.db, options.clinic?.id ?? null, 'inquire');
      const crisis = options.danger ? crisisPanel({ message: CRISIS_MESSAGE, resources: CRISIS_RESOURCES }) : '';
      const body = options.clinic
        ? html`${crisis}<div class="prose">${renderMarkdown(intro.body)}</div>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${inquiryForm({ fields: options.fields, errors: options.errors, formToken: issueFormToken(deps.config.secretKey, deps.clock()) })}`
        : html`<h1>Inquiries are not open yet</h1><p>This clinic's site is still being set up. Please check back soon.</p>`;
      return page(reply, { clinic: options.clinic, title: intro.title, current: 'inquire', body, status: options.status, noStore: true });
    };

    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: { type: error.name, message: error.message, stack: error.stack }, requestId: request.id }, 'unhandled error');
      const clinic = await publicClinic(deps.db).catch(() => null);
      const message =
        status === 429
          ? 'Thank you for your patience: we have received several inquiries from this connection in a short time. Please try again in 15 minutes, or call us.'
          : status === 500
            ? 'Something went wrong on our side, and nothing was sent. Please try again in a few minutes, or call us.'
            : 'We could not read that request. Please go back and try again.';
      const body = html`<h1>Sorry, that did not work</h1><p>${message}</p>
<p>If you are in crisis, please do not wait: call or text <a href="tel:988">988</a>, or call <a href="tel:911">911</a> in an emergency.</p>`;
      return page(reply, { clinic, title: 'Sorry, that did not work', current: null, body, status, noStore: true });
    });

    app.get('/site.css', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(stylesheet.css),
    );

    for (const slug of CONTENT_PAGES) {
      app.get(PUBLIC_PAGE_ROUTES[slug].path, { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
        const clinic = await publicClinic(deps.db);
        const content = await publishedPage(deps.db, clinic?.id ?? null, slug);
        return page(reply, { clinic, title: content.title, current: slug, body: html`<article class="prose">${renderMarkdown(content.body)}</article>` });
      });
    }

    app.get('/inquire', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      formPage(reply, { clinic: await publicClinic(deps.db), fields: {}, errors: new Map(), status: 200 }),
    );

    app.post('/inquire', { config: { public: true, rateLimit: INQUIRY_RATE_LIMIT }, schema: { hide: true } }, async (request, reply) => {
      const clinic = await publicClinic(deps.db);
      const fields = formFields(request.body);
      if (!clinic) return formPage(reply, { clinic, fields, errors: new Map(), status: 503 });
      const { policy } = await deps.policies.current(clinic.id);
      const token = verifyFormToken(deps.config.secretKey, one(fields, 'formToken'), request.ctx.now);
      const parsed = parseInquiryForm(fields, token.ok ? token.nonce : undefined);
      const danger = dangerInIncompleteAnswers(parsed.ok ? parsed.submission.prescreen : parsed.input.prescreen, policy.eligibility);
      if (!token.ok) {
        const notice =
          token.reason === 'expired'
            ? 'This form was open for a long time, so for your security we need you to send it again. Your answers are still here.'
            : 'We could not confirm that this form came from our site. Please check your answers and send it again.';
        return formPage(reply, { clinic, fields, errors: new Map(), status: 400, notice, danger });
      }
      if (!parsed.ok) return formPage(reply, { clinic, fields, errors: parsed.errors, status: 400, danger });
      try {
        const receipt = await submitInquiry(deps, request.ctx, { submission: parsed.submission, source: 'web_form' });
        return page(reply, { clinic, title: 'Thank you', current: 'inquire', body: receiptBody(receipt, clinic), noStore: true });
      } catch (error) {
        if (error instanceof ValidationError) {
          return formPage(reply, { clinic, fields, errors: new Map([[fieldOf(error.path), error.message]]), status: 400, danger });
        }
        if (error instanceof Conflict) {
          const notice = 'This form was already sent with different answers. We have kept the first one. To send another inquiry, check your answers and send this form again.';
          return formPage(reply, { clinic, fields, errors: new Map(), status: 409, notice, danger });
        }
        throw error;
      }
    });
  };
}
