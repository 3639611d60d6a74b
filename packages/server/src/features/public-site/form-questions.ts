/**
 * The wording of the pre-screen questionnaires. PHQ-9 (Kroenke, Spitzer & Williams 2001) and GAD-7
 * (Spitzer et al. 2006) are free to use; the C-SSRS screener follows the Columbia Lighthouse
 * Project's screener, with its skip rule (clinical.md §4.1, §4.3). Items are in scoring order.
 */
export const FREQUENCY_STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

export const PHQ9_QUESTIONS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading or watching television',
  'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
] as const;

export const GAD7_QUESTIONS = [
  'Feeling nervous, anxious, or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid, as if something awful might happen',
] as const;

/** C-SSRS screener questions by answer key; numbers as the person sees them. */
export const CSSRS_QUESTIONS = {
  wishToBeDead: '1. In the past month, have you wished you were dead, or wished you could go to sleep and not wake up?',
  activeSuicidalThoughts: '2. In the past month, have you had any actual thoughts of killing yourself?',
  thoughtsOfMethod: '3. Have you been thinking about how you might do this?',
  intentToAct: '4. Have you had these thoughts and had some intention of acting on them?',
  planWithIntent: '5. Have you started to work out, or worked out, the details of how to kill yourself? Do you intend to carry out this plan?',
  suicidalBehavior: '6. Have you ever done anything, started to do anything, or prepared to do anything to end your life?',
  behaviorWithinPastThreeMonths: '6a. If yes to question 6: was this within the past 3 months?',
} as const;
