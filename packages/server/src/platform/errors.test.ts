import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logging.js';
import { installErrorHandler } from './errors.js';

describe('the error handler', () => {
  it('answers a bug with a 500 problem that reveals nothing, and logs it with the request id and no PHI', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { ...loggerOptions('info'), stream } });
    installErrorHandler(app);
    app.post('/boom', async () => {
      throw new Error('database exploded');
    });
    const response = await app.inject({
      method: 'POST',
      url: '/boom?name=Avery%20Lindgren',
      headers: { cookie: 'lantern_session=secret-token' },
      payload: { legalName: 'Avery Lindgren', email: 'avery@example.com' },
    });
    expect(response.statusCode).toBe(500);
    const body = response.json() as { detail: string; requestId: string; code: string };
    expect(body.code).toBe('internal');
    expect(response.body).not.toContain('database exploded');
    const log = lines.join('');
    expect(log).toContain(body.requestId);
    expect(log).toContain('database exploded');
    expect(log).not.toContain('Avery');
    expect(log).not.toContain('secret-token');
    expect(log).not.toContain('avery@example.com');
  });
});
