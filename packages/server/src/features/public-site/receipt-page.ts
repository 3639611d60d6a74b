import type { InquiryReceipt } from '@lantern/core';
import type { PublicClinic } from '../../platform/public-clinic.js';
import { crisisPanel } from './crisis.js';
import { html, type SafeHtml } from './html.js';

/**
 * The confirmation a person keeps. When the safety screen is urgent, crisis resources come first,
 * before anything else on the page, and the clinic has already been alerted.
 */
export function receiptBody(receipt: InquiryReceipt, clinic: PublicClinic): SafeHtml {
  const crisis =
    receipt.urgent && receipt.crisisMessage
      ? crisisPanel({ message: receipt.crisisMessage, resources: receipt.crisisResources })
      : '';
  const phone = clinic.phone ? html` or call us on <a href="tel:${clinic.phone.replace(/[^\d+]/g, '')}">${clinic.phone}</a>` : '';
  return html`${crisis}
<section class="receipt" aria-labelledby="receipt-title">
  <h1 id="receipt-title">Thank you, we have your inquiry</h1>
  ${receipt.replayed ? html`<p>We had already received this inquiry, so nothing was sent twice.</p>` : ''}
  <p>Your reference is</p>
  <p class="reference">${receipt.reference}</p>
  <p>Please keep it (write it down, or take a screenshot). Quote it when you talk to us${phone}.</p>
  ${
    receipt.urgent
      ? html`<p><strong>Some of your answers tell us you may be going through something very hard right now.</strong>
  Our clinical team has been alerted and will try to reach you as soon as they can, but please do not wait for us:
  the people at 988 are there for you right now.</p>`
      : html`<p>A member of our team will contact you the way you asked, usually within two business days.</p>`
  }
  <p><a href="/">Back to the home page</a></p>
</section>`;
}
