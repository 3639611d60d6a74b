/** The demo clinic's privacy-notice acknowledgment, written for Lantern (fictional clinic; not legal advice). */
export const PRIVACY_NOTICE_TITLE = 'Acknowledgment of the Notice of Privacy Practices';

export const PRIVACY_NOTICE_BODY = `## The notice
Prairie Light Healing Collective's **Notice of Privacy Practices** explains how the clinic may use and share your health information, your rights to see, copy and correct your records and to receive an accounting of disclosures, and how to file a complaint. Staff will give you a printed copy, and you may ask for another copy at any time.

## What this acknowledgment means
Signing this form only confirms that you were offered the notice. **It is not a consent to release your health records to anyone.** Minnesota law requires a separate, signed authorization for most releases, and the clinic will ask you for one whenever it is needed.

## Your agreement
By signing, I acknowledge that I was offered a copy of the clinic's Notice of Privacy Practices and had the opportunity to ask questions about it.`;
