import { PUBLIC_PAGE_ROUTES, PUBLIC_PAGE_SLUGS, type PublicPageSlug } from '@lantern/core';
import type { PublicClinic } from '../../platform/public-clinic.js';
import { html, type SafeHtml } from './html.js';

/** Where staff sign in; the staff app moves under /app/ later, and this link with it. */
export const STAFF_SIGN_IN_PATH = '/sign-in';

export interface LayoutOptions {
  readonly clinic: PublicClinic | null;
  readonly title: string;
  /** The page this is, for the navigation's `aria-current`. */
  readonly current: PublicPageSlug | null;
  readonly stylesheetHref: string;
  readonly description?: string;
  readonly body: SafeHtml;
}

function nav(current: PublicPageSlug | null): SafeHtml {
  const items = PUBLIC_PAGE_SLUGS.map((slug) => {
    const route = PUBLIC_PAGE_ROUTES[slug];
    const label = slug === 'inquire' ? 'Start an inquiry' : route.navLabel;
    return html`<li><a href="${route.path}"${slug === 'inquire' ? html` class="cta"` : ''}${slug === current ? html` aria-current="page"` : ''}>${label}</a></li>`;
  });
  return html`<nav class="site-nav" aria-label="Site"><ul>${items}</ul></nav>`;
}

function footer(clinic: PublicClinic | null): SafeHtml {
  const address = clinic
    ? html`<address>${clinic.name} · ${clinic.addressLine1}${clinic.addressLine2 ? html`, ${clinic.addressLine2}` : ''}, ${clinic.city}, ${clinic.state} ${clinic.postalCode}${
        clinic.phone ? html` · <a href="tel:${clinic.phone.replace(/[^\d+]/g, '')}">${clinic.phone}</a>` : ''
      }</address>`
    : '';
  return html`<footer class="site-footer"><div class="wrap">
  <p class="crisis-line"><strong>In crisis?</strong> Call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline), any time. In an emergency, call <a href="tel:911">911</a>.</p>
  ${address}
  <p><a href="${STAFF_SIGN_IN_PATH}">Staff sign-in</a> · Runs on Lantern, open-source software for ketamine-assisted psychotherapy clinics.</p>
</div></footer>`;
}

/** The page shell: a skip link, the clinic's name and navigation, the content, and a footer that always lists 988. */
export function layout(options: LayoutOptions): SafeHtml {
  const clinicName = options.clinic?.name ?? 'Lantern';
  const fullTitle = options.current === 'home' ? clinicName : `${options.title} · ${clinicName}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${options.description ?? `${clinicName}: ketamine-assisted psychotherapy.`}">
<link rel="stylesheet" href="${options.stylesheetHref}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header"><div class="wrap">
  <a class="brand" href="/">${clinicName}</a>
  ${nav(options.current)}
</div></header>
<main id="main" class="wrap">
${options.body}
</main>
${footer(options.clinic)}
</body>
</html>
`;
}
