/** The demo clinic's telehealth consent, written for Lantern (fictional clinic; not legal advice). */
export const TELEHEALTH_TITLE = 'Consent to Telehealth Sessions';

export const TELEHEALTH_BODY = `## What telehealth is
Some of your evaluation, preparation and integration sessions may take place by secure video, or by phone if video fails. Your clinician sees and hears you in real time, as in the office. **Medicine sessions never take place by telehealth**: ketamine is only given in the clinic.

## Benefits and limits
Telehealth can save travel and make it easier to keep appointments. It also has limits: your clinician cannot examine you in person, a poor connection may interrupt the session, and some concerns are better handled face to face. Your clinician may ask you to come in if telehealth is not right for a particular session.

## Privacy
We use a video service designed for health care that encrypts the call. We do not record sessions. Please join from a private place where others cannot overhear you, and on a device and network you trust. You may choose to have someone with you; tell your clinician who is present.

## Where you are
You need to be in Minnesota, or another state where your clinician is licensed, at the time of each session. At the start of each session your clinician will confirm where you are and a phone number to reach you.

## Safety
If the connection drops, your clinician will call you at the number you gave. If there is an emergency during a session, your clinician may call emergency services to your location. In a crisis at any time, call or text 988; in an emergency, call 911.

## Your choices
Telehealth is optional. You may refuse it or stop using it at any time and see your clinician in person instead, without affecting your care.

## Your agreement
By signing, I agree to receive care by telehealth as described above, and I understand that I may withdraw this consent at any time.`;
