import { ApiError, messageOf } from '../../api/api-error';

/** Where a sign-in failure should be shown: against the form, or against the code field. */
export interface SignInFailure {
  readonly form?: string;
  readonly code?: string;
  readonly needsCode?: boolean;
}

/** Turns the server's answer to a sign-in into what the page shows (codes from POST /api/auth/login). */
export function describeSignInFailure(error: unknown): SignInFailure {
  if (!(error instanceof ApiError)) return { form: messageOf(error) };
  switch (error.code) {
    case 'mfa_required':
      return { needsCode: true };
    case 'bad_mfa_code':
      return { code: 'That code is not right, or was already used. Wait for the next code and try again.' };
    case 'bad_credentials':
      return { form: 'E-mail or password is incorrect.' };
    case 'locked':
      return { form: error.detail || 'This account is locked after repeated failed sign-ins. Ask an administrator to unlock it.' };
    case 'rate_limited':
      return { form: error.detail || 'Too many attempts. Wait a minute and try again.' };
    default:
      if (error.status === 423) return { form: error.detail };
      if (error.status === 429) return { form: error.detail || 'Too many attempts. Wait a minute and try again.' };
      if (error.status === 400) {
        const field = error.fieldError('totp') ?? error.fieldError('recoveryCode');
        if (field) return { code: field };
        return { form: error.fieldError('email') ?? error.detail };
      }
      return { form: error.detail };
  }
}
