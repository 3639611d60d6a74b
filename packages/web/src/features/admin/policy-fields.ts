import { securityPolicy, type SecurityPolicy } from '@lantern/core';

export interface PolicyField {
  readonly key: keyof SecurityPolicy;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
}

/** Bounds come from the shared schema, so the form and the server cannot disagree. */
function bounds(key: keyof SecurityPolicy): { min: number; max: number } {
  const field = securityPolicy.shape[key].unwrap();
  return { min: field.minValue ?? 0, max: field.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const COPY: ReadonlyArray<Omit<PolicyField, 'min' | 'max'>> = [
  { key: 'idleTimeoutMinutes', label: 'Idle sign-out', unit: 'minutes', description: 'Sign out after this long without activity (HIPAA automatic logoff; 10–15 minutes suits shared workstations).' },
  { key: 'sessionLifetimeHours', label: 'Longest session', unit: 'hours', description: 'Sign in again after this long, however active the session.' },
  { key: 'lockoutThreshold', label: 'Failed sign-ins before lock', unit: 'attempts', description: 'Consecutive wrong passwords or codes that lock the account.' },
  { key: 'lockoutMinutes', label: 'Lock duration', unit: 'minutes', description: 'How long a lock lasts. 0 keeps the account locked until an administrator unlocks it.' },
  { key: 'breakGlassMinutes', label: 'Break-glass access', unit: 'minutes', description: 'How long emergency access keeps a chart open outside the care team.' },
  { key: 'minPasswordLength', label: 'Minimum password length', unit: 'characters', description: 'For staff passwords (NIST SP 800-63B asks for at least 8).' },
];

export const SECURITY_FIELDS: readonly PolicyField[] = COPY.map((field) => ({ ...field, ...bounds(field.key) }));
