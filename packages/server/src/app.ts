import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from './platform/deps.js';
import { installErrorHandler, problemOf, sendProblem } from './platform/errors.js';
import { installGuard } from './platform/auth/guard.js';
import { installSecurityHeaders } from './platform/security-headers.js';
import { loggerOptions } from './platform/logging.js';
import { newId } from './platform/ids.js';
import { AuditSealer } from './platform/audit/sealer.js';
import { identityRoutes } from './features/identity/routes.js';
import { adminRoutes } from './features/admin/routes.js';
import { auditRoutes } from './features/audit/routes.js';
import { patientRoutes } from './features/patients/routes.js';
import { chartProfileRoutes } from './features/chart/profile-routes.js';
import { chartEntryRoutes } from './features/chart/entries-routes.js';
import { noteRoutes } from './features/notes/routes.js';
import { eligibilityRoutes } from './features/eligibility/routes.js';
import { intakeRoutes } from './features/intake/routes.js';
import { publicSiteRoutes } from './features/public-site/routes.js';
import { publicPagesAdminRoutes } from './features/public-site/admin-routes.js';
import { consentRoutes } from './features/consent/routes.js';
import { ledgerRoutes } from './features/ledger/routes.js';
import { schedulingRoutes } from './features/scheduling/routes.js';
import { schedulingSetupRoutes } from './features/scheduling/setup-routes.js';
import { schedulingJobHandlers } from './features/scheduling/jobs.js';
import { installJobWorker } from './platform/jobs/worker.js';
import { courseRoutes } from './features/course/routes.js';

/** Largest JSON body Lantern accepts (1 MiB); larger ones get 413. */
export const BODY_LIMIT = 1_048_576;

/** Builds the HTTP application over already-opened, migrated dependencies. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel),
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    genReqId: () => newId(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 rather than handed to a schema as a string.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);

  installSecurityHeaders(app, { secure: deps.config.secureCookies });

  // Audit rows join the hash chain in batches shortly after they commit (platform/audit/chain.ts).
  const sealer = new AuditSealer(deps.db, (error) => app.log.error({ err: error }, 'sealing audit events failed; the next batch retries'));
  app.addHook('onReady', async () => sealer.start());
  app.addHook('onClose', async () => sealer.stop());
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      ...problemOf(429, `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds`, { code: 'rate_limited' }),
      statusCode: 429,
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lantern API', version: '0.1.0', description: 'Ketamine-assisted psychotherapy clinic platform. Errors are RFC 9457 problem+json.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lantern_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  installGuard(app, deps);

  app.get('/health', {
    config: { public: true },
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database state (no authentication)',
      response: { 200: z.object({ status: z.literal('ok'), database: z.object({ engine: z.string(), ok: z.boolean(), latencyMs: z.number() }) }), 503: z.any() },
    },
  }, async (_request, reply) => {
    const started = performance.now();
    try {
      await deps.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: { engine: deps.database.engine, ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
    } catch {
      return reply.status(503).send({ status: 'degraded', database: { engine: deps.database.engine, ok: false } });
    }
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(identityRoutes(deps));
  await app.register(adminRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(patientRoutes(deps));
  await app.register(chartProfileRoutes(deps));
  await app.register(chartEntryRoutes(deps));
  await app.register(noteRoutes(deps));
  await app.register(eligibilityRoutes(deps));
  await app.register(intakeRoutes(deps));
  await app.register(publicPagesAdminRoutes(deps));
  // The public program pages and inquiry form at `/`: explicit routes, so they win over the SPA fallback.
  await app.register(publicSiteRoutes(deps));
  await app.register(consentRoutes(deps));
  await app.register(ledgerRoutes(deps));
  await app.register(schedulingSetupRoutes(deps));
  await app.register(schedulingRoutes(deps));
  installJobWorker(app, deps, () => schedulingJobHandlers(deps));
  await app.register(courseRoutes(deps));

  await serveWeb(app, deps);
  return app;
}

/** Serves the built single-page app, with index.html for client-side routes. */
async function serveWeb(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const dist = deps.config.webDistDir ?? path.resolve(import.meta.dirname, '../../web/dist');
  const hasWeb = existsSync(path.join(dist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: dist, index: false, wildcard: false, maxAge: '1h', immutable: true });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = url.startsWith('/api/') || url === '/api' || url.startsWith('/fhir/');
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !path.extname(url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0, immutable: false });
    }
    return sendProblem(reply, { ...problemOf(404, 'No such resource', { code: 'not_found' }), requestId: request.id });
  });
}
