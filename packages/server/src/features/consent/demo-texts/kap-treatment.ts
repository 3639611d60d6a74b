/** The demo clinic's KAP treatment consent, written for Lantern (fictional clinic; not legal advice). */
export const KAP_TREATMENT_TITLE = 'Informed Consent for Ketamine-Assisted Psychotherapy';

export const KAP_TREATMENT_BODY = `## About this form
Prairie Light Healing Collective offers ketamine-assisted psychotherapy (KAP): psychotherapy in which ketamine is given in a few sessions to support the therapeutic work. This form explains the treatment, its risks and your choices. Please read all of it. Ask your therapist or physician about anything that is unclear before you sign. Signing says that you understand and agree; it does not oblige you to continue.

## What KAP involves
KAP at our clinic runs in phases:
1. **Evaluation.** A therapist and a physician assess whether KAP is safe and suitable for you.
2. **Preparation.** Usually three or four therapy sessions to set intentions and plan for the medicine sessions.
3. **Medicine sessions.** Usually two to four sessions in which you receive ketamine in the clinic while your therapist is with you. Each session lasts about two and a half to three hours.
4. **Integration.** One or more therapy sessions after each medicine session to make sense of the experience.

## Off-label use of racemic ketamine
Ketamine is approved by the U.S. Food and Drug Administration (FDA) as an anesthetic. Its use for depression, anxiety, post-traumatic stress and related conditions is **off-label**: a licensed physician may prescribe it for these purposes, but the FDA has not approved it for them. A related medicine, esketamine (Spravato), is FDA-approved for treatment-resistant depression; it is not the medicine we use. Research on ketamine for mental health is promising but still developing, and no result is guaranteed.

Ketamine is a Schedule III controlled substance. The clinic keeps every dose in a controlled-substance record as federal law requires.

## How the medicine is given
- **Oral or sublingual** (a lozenge or a tablet that dissolves in the mouth): your first medicine session is always by mouth, so that the physician can see how you respond.
- **Intramuscular (IM) injection** into the upper arm or buttock: offered only after at least one oral session, if the physician judges it appropriate. Its effects begin sooner, are stronger and last a shorter time.

The physician chooses each dose within the limits of the clinic's medical policy and may lower it, hold it, or stop a session at any time for your safety.

## Risks and side effects
During and shortly after a session, common effects include:
- feeling detached from your body or surroundings (dissociation), changes in vision, hearing, time and sense of self;
- nausea or vomiting (we can give medicine for nausea), dizziness, unsteadiness and drowsiness;
- a temporary rise in blood pressure and heart rate;
- headache, blurred vision, numbness, and difficulty speaking for a short time;
- anxiety, confusion or distressing thoughts, memories or emotions.

Less common or rare risks include a strong rise in blood pressure, irregular heartbeat, slowed breathing at high doses, an allergic reaction, and agitation or frightening experiences. With frequent, high-dose or long-term use, ketamine can cause bladder and urinary problems, liver changes, memory and concentration problems, and dependence. The doses and schedule used in KAP are far lower and less frequent than those linked to these harms, but the risks are not zero.

Ketamine can interact with other substances. Tell us about every medicine and supplement you take. Benzodiazepines and lamotrigine can weaken its effect; alcohol, opioids, sedatives and stimulants can add to its risks. Do not drink alcohol or use other drugs on the day of a session.

Ketamine should not be used during pregnancy or breastfeeding. If you could become pregnant, tell us at once if you are or may be pregnant.

## Monitoring and safety
Before each medicine session we check your blood pressure, heart rate and oxygen level, and we may delay or cancel the session if a reading is above the clinic's limits. During the session a licensed clinician monitors your vital signs at regular intervals, and staff are with you throughout. The clinic keeps emergency equipment and a plan for medical emergencies. You stay in the clinic until a clinician finds you alert, steady and with vital signs back near your baseline.

## After each medicine session
- **Do not drive, ride a bicycle or operate machinery for 24 hours** after a session, and until after a night's sleep.
- **An escort is required.** A responsible adult must take you home; we will not release you to leave alone or to drive yourself. If you arrive without an escort, the session will be rescheduled.
- Avoid important decisions, alcohol and other drugs for 24 hours.
- Call the clinic if anything worries you after you leave. In an emergency call 911; in a mental health crisis call or text 988.

## Your rights
- Taking part is voluntary. You may ask questions at any time.
- **You may withdraw your consent at any time**, including during a session. If you do, we stop giving ketamine and care for you until it is safe for you to leave. Withdrawing does not affect any other care you receive from us.
- Other treatments exist, including antidepressant medicines, psychotherapy without ketamine, transcranial magnetic stimulation (TMS), electroconvulsive therapy (ECT) and esketamine. Your clinicians will discuss them with you.
- Your records are confidential and are released only as the law allows or as you authorize in writing.

## Your agreement
By signing, I confirm that:
- I have read this form, or had it read to me, and I understand it;
- I have had the chance to ask questions and my questions were answered;
- I understand that ketamine is used off-label for my condition and that results are not guaranteed;
- I agree not to drive for 24 hours after each medicine session and to arrange an adult escort home;
- I consent to ketamine-assisted psychotherapy at Prairie Light Healing Collective, knowing I may withdraw at any time.`;
