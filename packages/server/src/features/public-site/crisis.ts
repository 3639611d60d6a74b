import { html, type SafeHtml } from './html.js';

/**
 * Crisis resources, shown first on the page when a pre-screen is urgent (clinical.md §4.2: "show
 * crisis resources (US: call or text 988)"). The words and numbers come from core CRISIS_RESOURCES.
 */
export interface CrisisResourceLike {
  readonly name: string;
  readonly description: string;
  readonly contacts: readonly { readonly label: string; readonly href: string }[];
}

export function crisisPanel(options: { readonly message: string; readonly resources: readonly CrisisResourceLike[]; readonly headingId?: string }): SafeHtml {
  const headingId = options.headingId ?? 'crisis-heading';
  return html`<section class="crisis" role="alert" aria-labelledby="${headingId}">
  <h2 id="${headingId}">Please reach out for support now</h2>
  <p><strong>${options.message}</strong></p>
  <ul>
    ${options.resources.map(
      (resource) => html`<li>
      <h3>${resource.name}</h3>
      <p>${resource.description}</p>
      <p class="actions">${resource.contacts.map(
        (contact, index) => html`<a href="${contact.href}"${index > 0 ? html` class="secondary"` : ''}>${contact.label}</a> `,
      )}</p>
    </li>`,
    )}
  </ul>
</section>`;
}
