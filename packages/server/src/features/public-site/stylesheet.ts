import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The public site's one stylesheet (packages/server/assets/public-site.css), read once at start.
 * Served from a versioned URL so browsers may cache it for a year and still see a new version.
 */
export interface Stylesheet {
  readonly css: string;
  readonly href: string;
}

/** Resolves the same from src/ (tests, tsx) and dist/ (the built server): both sit two levels under the package. */
const CSS_FILE = path.resolve(import.meta.dirname, '../../../assets/public-site.css');

export function loadStylesheet(): Stylesheet {
  const css = readFileSync(CSS_FILE, 'utf8');
  const version = createHash('sha256').update(css).digest('hex').slice(0, 12);
  return { css, href: `/site.css?v=${version}` };
}
