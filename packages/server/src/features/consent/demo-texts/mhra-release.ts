/** The demo clinic's MHRA release form, written for Lantern (fictional clinic; not legal advice). */
export const MHRA_RELEASE_TITLE = 'Authorization to Release Health Records (Minnesota Health Records Act)';

export const MHRA_RELEASE_BODY = `## What this authorizes
Under the Minnesota Health Records Act (Minn. Stat. §§144.291–144.298), Prairie Light Healing Collective may release your health records only with your signed and dated consent, unless a law specifically allows it. By signing this form you authorize the clinic to release the records described in the **scope** below to the **recipient** named below, for the purpose stated. The recipient, scope, purpose and expiry are printed with your signature.

## What may be released
Only the records listed in the scope. Unless the scope names them specifically, this authorization does not cover:
- psychotherapy notes kept separately by your therapist;
- records of treatment for alcohol or drug use;
- HIV test results or genetic information.

## How long it lasts
This authorization is valid for **one year from the date you sign it**, unless you choose an earlier expiry date (Minn. Stat. §144.293, subd. 4). The expiry date is printed with your signature.

## Your rights
- You may revoke this authorization at any time by telling the clinic in writing. Revoking it stops future releases; it does not undo releases already made while it was valid.
- Your treatment, payment, enrollment or eligibility for benefits does not depend on whether you sign.
- You may see the records before they are released, and you may have a copy of this form.

## Redisclosure
Once records are released, the recipient may not be bound by the same privacy laws and could share them again. Minnesota law limits redisclosure by other health care providers, but not by every recipient.

## Your agreement
By signing, I authorize the release described above and confirm that I have read this form and had my questions answered.`;
