import { Alert, Group, Radio, Stack, Text } from '@mantine/core';
import { cssrsAnswers, scoreCssrs, type CssrsRiskLevel } from '@lantern/core';

type Answers = Partial<Record<CssrsKey, boolean>>;
type CssrsKey = 'wishToBeDead' | 'activeSuicidalThoughts' | 'thoughtsOfMethod' | 'intentToAct' | 'planWithIntent' | 'suicidalBehavior' | 'behaviorWithinPastThreeMonths';

// Short descriptors of the screener's items (clinical.md §4.3), not the licensed question text (§8.3).
const IDEATION: readonly (readonly [CssrsKey, string])[] = [
  ['wishToBeDead', '1. Wish to be dead (past month)'],
  ['activeSuicidalThoughts', '2. Non-specific active suicidal thoughts (past month)'],
];
const AFTER_Q2: readonly (readonly [CssrsKey, string])[] = [
  ['thoughtsOfMethod', '3. Thoughts of a method'],
  ['intentToAct', '4. Some intent to act'],
  ['planWithIntent', '5. A plan, with intent'],
];
const RISK_COLOR: Record<CssrsRiskLevel, string> = { none: 'teal', low: 'yellow', moderate: 'orange', high: 'red' };

function YesNo(props: { label: string; value: boolean | undefined; onChange: (value: boolean) => void }): React.JSX.Element {
  return (
    <Radio.Group label={props.label} value={props.value === true ? 'yes' : props.value === false ? 'no' : ''} onChange={(answer) => props.onChange(answer === 'yes')}>
      <Group gap="lg" mt={4}>
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
      </Group>
    </Radio.Group>
  );
}

/**
 * The C-SSRS screener with its skip rule: questions 3–5 are asked when question 2 is yes (and stay
 * shown if any was already answered yes, so a reported intent is never hidden), the follow-up when
 * question 6 is yes. The risk level is the core scoring (clinical.md §4.3) once the answers are complete.
 */
export function CssrsFields(props: { value: unknown; onChange: (value: unknown) => void }): React.JSX.Element {
  const answers: Answers = typeof props.value === 'object' && props.value !== null ? (props.value as Answers) : {};
  const set = (key: CssrsKey) => (value: boolean) => props.onChange({ ...answers, [key]: value });
  const showAfterQ2 = answers.activeSuicidalThoughts === true || AFTER_Q2.some(([key]) => answers[key] === true);
  const parsed = cssrsAnswers.safeParse(answers);
  const score = parsed.success ? scoreCssrs(parsed.data) : null;
  return (
    <Stack gap="sm" role="group" aria-label="C-SSRS screener">
      <Text size="sm" fw={500}>
        C-SSRS screener
      </Text>
      {IDEATION.map(([key, label]) => (
        <YesNo key={key} label={label} value={answers[key]} onChange={set(key)} />
      ))}
      {showAfterQ2 ? AFTER_Q2.map(([key, label]) => <YesNo key={key} label={label} value={answers[key]} onChange={set(key)} />) : null}
      <YesNo label="6. Suicidal behavior (lifetime)" value={answers.suicidalBehavior} onChange={set('suicidalBehavior')} />
      {answers.suicidalBehavior ? (
        <YesNo label="6a. Within the past 3 months" value={answers.behaviorWithinPastThreeMonths} onChange={set('behaviorWithinPastThreeMonths')} />
      ) : null}
      {score ? (
        <Alert color={RISK_COLOR[score.riskLevel]} variant="light" title={`C-SSRS risk: ${score.riskLevel}`}>
          {score.action}
        </Alert>
      ) : null}
    </Stack>
  );
}
