import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { describeSignInFailure } from './sign-in-errors';

const failure = (status: number, code: string, detail = 'x'): ApiError => new ApiError({ status, code, detail });

describe('describeSignInFailure', () => {
  it('asks for the second factor when the server says mfa_required', () => {
    expect(describeSignInFailure(failure(401, 'mfa_required'))).toEqual({ needsCode: true });
  });

  it('puts a wrong code against the code field, not the form', () => {
    expect(describeSignInFailure(failure(401, 'bad_mfa_code')).code).toMatch(/not right/);
  });

  it('passes on the server’s words for a locked account and for rate limiting', () => {
    expect(describeSignInFailure(failure(423, 'locked', 'This account is locked.')).form).toBe('This account is locked.');
    expect(describeSignInFailure(failure(429, 'rate_limited', 'Try again in 40 seconds')).form).toBe('Try again in 40 seconds');
  });
});
