import { describe, expect, it } from 'vitest';
import { apiErrorFrom, messageOf } from './api-error';

describe('apiErrorFrom', () => {
  it('reads an RFC 9457 problem, field paths without the request part', () => {
    const error = apiErrorFrom(400, {
      type: 'https://lantern.example/problems/validation',
      title: 'Bad request',
      status: 400,
      detail: 'body.email: Invalid email address',
      code: 'validation',
      errors: [{ path: 'body.email', message: 'Invalid email address' }],
    });
    expect(error.code).toBe('validation');
    expect(error.fieldError('email')).toBe('Invalid email address');
    expect(error.fieldError('emailAddress')).toBeUndefined();
  });

  it('gives a plain message when the body is not a problem', () => {
    const error = apiErrorFrom(502, null);
    expect(error.status).toBe(502);
    expect(messageOf(error)).toMatch(/not answering/);
  });
});
