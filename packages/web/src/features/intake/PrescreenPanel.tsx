import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { SELF_REPORT_CONDITIONS, SELF_REPORT_MEDICATIONS, type InquiryDetail } from '@lantern/core';

const SEVERITY_COLOR: Record<string, string> = { minimal: 'gray', mild: 'yellow', moderate: 'orange', moderately_severe: 'red', severe: 'red', none: 'gray', low: 'yellow', high: 'red' };

function words(value: string): string {
  return value.replace(/_/g, ' ');
}

function Score({ label, value, band, badge, note }: { label: string; value?: string; band?: string; badge?: string; note?: string }): React.JSX.Element {
  return (
    <Paper withBorder radius="sm" p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {value && band ? (
        <Group gap="xs" align="baseline">
          <Text fw={700} fz={22}>
            {value}
          </Text>
          <Badge color={SEVERITY_COLOR[band] ?? 'gray'} variant="light" tt="none">
            {badge ?? words(band)}
          </Badge>
        </Group>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          Not answered
        </Text>
      )}
      {note ? (
        <Text size="xs" c="red.8" fw={600}>
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The pre-screen: questionnaire scores (PHQ-9, GAD-7, C-SSRS) and the health self-report. */
export function PrescreenPanel({ inquiry }: { inquiry: InquiryDetail }): React.JSX.Element {
  const { scores, prescreen } = inquiry;
  const conditions = SELF_REPORT_CONDITIONS.filter((q) => prescreen?.conditions.some((id) => id === q.id));
  const medicines = SELF_REPORT_MEDICATIONS.filter((q) => prescreen?.medicationClasses.some((id) => id === q.id));
  const yesNo = (value: boolean | undefined): string => (value === undefined ? 'Not answered' : value ? 'Yes' : 'No');
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz={18} mb="sm">
        Pre-screen
      </Title>
      {!prescreen ? (
        <Text size="sm" c="dimmed">
          They did not take the optional pre-screen.
        </Text>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {scores.phq9 ? (
              <Score label="PHQ-9 (depression)" value={`${scores.phq9.total} / 27`} band={scores.phq9.severity} note={scores.phq9.item9 > 0 ? `Item 9 answered ${scores.phq9.item9}` : undefined} />
            ) : (
              <Score label="PHQ-9 (depression)" />
            )}
            {scores.gad7 ? <Score label="GAD-7 (anxiety)" value={`${scores.gad7.total} / 21`} band={scores.gad7.severity} /> : <Score label="GAD-7 (anxiety)" />}
            {scores.cssrs ? <Score label="C-SSRS screener" value={scores.cssrs.riskLevel === 'none' ? 'None' : words(scores.cssrs.riskLevel).replace(/^./, (c) => c.toUpperCase())} band={scores.cssrs.riskLevel} badge={scores.cssrs.riskLevel === 'none' ? 'no risk' : 'risk'} note={scores.cssrs.riskLevel === 'none' ? undefined : scores.cssrs.action} /> : <Score label="C-SSRS screener" />}
          </SimpleGrid>
          <div>
            <Text size="sm" fw={600}>
              Conditions they reported
            </Text>
            {conditions.length === 0 ? (
              <Text size="sm" c="dimmed">
                None ticked.
              </Text>
            ) : (
              <List size="sm">
                {conditions.map((q) => (
                  <List.Item key={q.id}>{q.label}</List.Item>
                ))}
              </List>
            )}
          </div>
          <div>
            <Text size="sm" fw={600}>
              Medicines they reported
            </Text>
            {medicines.length === 0 ? (
              <Text size="sm" c="dimmed">
                None ticked.
              </Text>
            ) : (
              <List size="sm">
                {medicines.map((q) => (
                  <List.Item key={q.id}>{q.label}</List.Item>
                ))}
              </List>
            )}
            {prescreen.currentMedications ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                In their words: {prescreen.currentMedications}
              </Text>
            ) : null}
          </div>
          <Group gap="xl">
            <Text size="sm">Pregnant: {yesNo(prescreen.pregnant)}</Text>
            <Text size="sm">Breastfeeding: {yesNo(prescreen.breastfeeding)}</Text>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
