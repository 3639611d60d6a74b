import type { PublicPageSlug } from '@lantern/core';

/**
 * Starter text for the public program pages, written for Lantern (program.md and clinical.md are
 * the sources of what it says). The demo clinic is seeded with it, and any clinic that has not yet
 * written a page shows it until an admin saves their own. It speaks as "we", so it fits any clinic;
 * the clinic's name, address and phone come from the clinic record in the page's header and footer.
 */
export const DEFAULT_PUBLIC_PAGES: Record<PublicPageSlug, { readonly title: string; readonly body: string }> = {
  home: {
    title: 'Ketamine-assisted psychotherapy',
    body: `# Therapy first, with a medicine that can open the way

Ketamine-assisted psychotherapy (KAP) pairs ongoing psychotherapy with a small number of carefully
prepared, medically monitored sessions with ketamine. The therapy is the heart of the work; the
medicine can loosen old patterns long enough for new ones to take hold.

[Start an inquiry](/inquire) · [How the program works](/program)

## Who we help

Adults who are living with:

- depression, including depression that has not eased with other treatment;
- anxiety: panic attacks, social anxiety, constant worry;
- post-traumatic stress;
- suicidal thoughts (we will always make sure you have support right away: see [Safety](/safety));
- unwanted habits and patterns that keep pulling you back;
- a loss of meaning or purpose;
- grief, serious illness, and fear of death.

Ketamine can act within hours, and for many people its effects last well beyond the session,
especially when the insights are carried into therapy.

## Why ketamine

Ketamine is a long-established anesthetic. At much lower doses it can ease depression and anxiety
and allow a different, often gentler, view of difficult memories and feelings. In our state it is
the only psychedelic-type medicine that can legally be used in therapy, so our program is built
around it. Its use for mental health is *off-label*: your physician will explain what that means
before you decide anything.

## Every plan is your own

How many sessions you have in each phase is a range that you and your care team agree on together.
Some people come on their own; others come as a couple, a family or a group.
[Read about the program](/program), or look at our [FAQ](/faq) and
[billing and insurance](/billing) pages.
`,
  },
  program: {
    title: 'The program',
    body: `# How the program works

A typical course of three medicine sessions takes **three to four months**. It moves through four
phases. The counts below are typical ranges, not rules: your plan is agreed with you.

| Phase | What happens | Typical number of sessions |
|---|---|---|
| 1. Evaluation | A mental-health and diagnostic evaluation with your therapist, then a medical exam with our physician, to decide together whether KAP is safe for you, psychologically and physically | 1 with a therapist and 1 with a physician |
| 2. Preparation | Building a trusting relationship, learning what to expect, exploring your intentions, hopes and fears, and creating a shared way to make sense of the experience | usually 3 to 4 |
| 3. Medicine | Ketamine sessions in our clinic, with your therapist beside you and medical staff monitoring you | 2 to 4 |
| 4. Integration | After **every** medicine session: bringing what you noticed into daily life and building practices that last | 1 to 3 after each medicine session |

After integration, you and your therapist decide together whether more medicine sessions would
help. If so, the medicine and integration cycle repeats, as your treatment plan sets out.

## A medicine session

Sessions take place in a quiet, comfortable room, with eye shades and a music playlist. A
medicine session lasts about **two to three hours**. Your therapist stays with you the whole time,
and our medical staff check your blood pressure and how you are feeling, and help with side effects
(nausea is the most common).

You will need someone to drive you home: no driving until the next day.

## Two ways of taking ketamine

- **Oral (a lozenge or troche)**, dissolved in the mouth. Your **first** medicine session is
  normally oral, so we can learn how you respond.
- **Intramuscular (IM)**, a small injection into the muscle of the upper arm. This is the stronger
  and more inward, "psychedelic" experience. Later sessions may move to IM if you and your care
  team agree.

Doses start low and are adjusted from session to session.

## Ways to take part

- **Individual**: the four phases with one therapist and our treating physician.
- **Couples, family and relationships**: each person is seen on their own and together, to create a
  shared experience that focuses on your bond and intimacy. Each participant has their own
  evaluation, plan and dosing; some sessions are joint.
- **Group**: people who share a lived experience, or who already know each other (friends, chosen
  family), take their medicine sessions together. Everyone has their own monitoring.
- **Grief**: for loss, for living with serious illness, and for fear of death.
- **Religious trauma**: for survivors of fundamentalist upbringings, cults and other harm done by
  a community.

[Start an inquiry](/inquire)
`,
  },
  safety: {
    title: 'Safety',
    body: `# Safety comes first

## If you are in crisis now

Please do not wait for us. **Call or text 988** (the Suicide & Crisis Lifeline), any time of day
or night, or chat at [988lifeline.org](https://988lifeline.org/chat/). If you are in immediate
danger, **call 911** or go to the nearest emergency room.

## A careful evaluation

Before anyone receives ketamine, a therapist and a physician each meet with you. Together they look
at your mental and physical health, your medicines, and your history, and decide with you whether
KAP is safe for you. Sometimes the answer is "not yet" or "not this treatment", and we will help you
find what fits.

Some conditions mean ketamine is not safe, or not safe until something else is cared for first.
Among them:

- pregnancy or breastfeeding;
- a psychotic disorder, bipolar disorder with psychotic mania, or a current manic episode;
- an aneurysm, an arteriovenous malformation, or previous bleeding in the brain;
- current thoughts of suicide with the intent to act (you need more support first, and we will help
  you find it);
- an allergy to ketamine.

Others need a closer look or a letter from another doctor first, for example high blood pressure,
heart problems, an overactive thyroid, glaucoma, liver or bladder problems, or a current problem
with alcohol or drugs.

Some medicines matter too: benzodiazepines (such as Xanax or Klonopin), MAOIs, stimulants, opioids
and lamotrigine can change how ketamine works or how safe it is. Never stop a medicine on your own;
your physician will plan any change with you and your prescriber.

## During every medicine session

- A therapist stays with you for the whole session.
- Medical staff check your blood pressure, heart rate and oxygen before, during and after the
  medicine, and treat side effects such as nausea.
- You go home only when you are steady, back to yourself, and with the adult who is taking you home.
- No driving, no important decisions, and no alcohol until the next day.

## Side effects

The most common are nausea, dizziness, a feeling of floating or being separate from your body, and
a rise in blood pressure during the session. They usually pass within an hour or two.
`,
  },
  faq: {
    title: 'Frequently asked questions',
    body: `# Frequently asked questions

### Is ketamine-assisted psychotherapy legal?

Yes. Ketamine is an approved medicine that physicians may prescribe. Its use for depression,
anxiety and trauma is *off-label*, which means it is used in a way not listed on its label. Your
physician will explain what that means for you before you consent to anything.

### Will I lose control or be unconscious?

No. The doses we use are far below those used for anesthesia. You may feel relaxed, dreamy or
detached, and the IM route can bring a deeper, inward experience, but you stay awake and our team
stays with you.

### How soon will I feel a difference?

Some people notice a lift in mood within hours or days of a medicine session. The lasting changes
usually come from the therapy around it: the preparation and, above all, the integration sessions.

### Do I have to stop my other medicines?

Usually not. Most antidepressants can be continued. A few medicines, such as benzodiazepines,
stimulants, MAOIs, opioids and lamotrigine, may need a plan. Please never stop a medicine on your own.

### Can I keep seeing my own therapist?

Yes. With your permission we can work alongside your therapist or psychiatrist and share what is
useful.

### Can I drive home?

No. Someone needs to take you home after every medicine session, and you should not drive until the
next day.

### What does the online pre-screen do?

It helps us understand what you are facing before our first conversation, and it flags anything we
should talk about early. It is not a diagnosis and it does not decide whether you can take part:
that is decided with you in the evaluation. If your answers suggest you may be at risk right now, we
show you crisis resources straight away and our clinical team is alerted.

### What happens after I send an inquiry?

You get a reference code to keep. A member of our team contacts you the way you asked, usually
within two business days, to answer questions and, if it fits, book your evaluation.
`,
  },
  billing: {
    title: 'Billing & insurance',
    body: `# Billing and insurance

## What insurance may cover

Parts of the program are ordinary mental-health and medical care, and many plans cover them in
full or in part: the diagnostic evaluation, the physician's medical exam, and psychotherapy
sessions (preparation and integration).

## What insurance usually does not cover

Ketamine for mental health is off-label, and most plans do not pay for the medicine or the extended
monitoring time of a medicine session. Those parts are usually self-pay. We tell you the cost of
each part before you begin, and nothing is added without your agreement.

## Superbills for out-of-network benefits

If your plan has out-of-network mental-health benefits, we give you a superbill: an itemized
statement with the codes your insurer needs, so you can ask to be reimbursed.

## Payment

We take cards and HSA/FSA cards. Payment is due at each visit. If cost is a barrier, please tell us:
we keep a limited number of reduced-fee places and can talk about spreading the cost.

## Questions

Call us or ask in your inquiry. We would rather talk it through before you start than surprise you
later.
`,
  },
  inquire: {
    title: 'Start an inquiry',
    body: `# Start an inquiry

Tell us a little about yourself and what brings you here, and we will be in touch. No account is
needed, and nothing you send commits you to anything.

If you like, you can also take the **optional pre-screen** below (about ten minutes). It helps us
prepare for our first conversation. It is not a diagnosis.

**If you are in crisis right now, please do not use this form: call or text 988, or call 911.**
`,
  },
};
