import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { SAFETY_FLAG_LABELS, type CourseTimelineView, type SafetyFlagKind } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { formatDateTime } from '../../ui/time';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonModal } from '../chart/ReasonModal';
import { useCourseStep } from './course-api';

/** Open safety flags (they hold medicine sessions) with their review, and raising a new one. */
export function SafetyFlags({ course }: { course: CourseTimelineView }): React.JSX.Element {
  const session = useSession();
  const step = useCourseStep(course.courseId);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [kind, setKind] = useState<SafetyFlagKind | null>(null);
  const reviewer = session.user.roles.some((role) => role === 'physician' || role === 'therapist');
  return (
    <Stack gap="xs">
      {course.openSafetyFlags.map((flag) => (
        <Alert key={flag.id} color="red" title={`Open safety flag: ${SAFETY_FLAG_LABELS[flag.kind]}`}>
          <Group justify="space-between">
            <Text size="sm">Raised {formatDateTime(flag.raisedAt, session.clinic.timeZone)}. Medicine sessions wait for a clinician&apos;s review.</Text>
            {reviewer ? (
              <Button size="xs" color="red" variant="light" onClick={() => setReviewing(flag.id)}>
                Review flag
              </Button>
            ) : null}
          </Group>
        </Alert>
      ))}
      {course.status !== 'completed' ? (
        <Group gap="xs">
          <Select
            aria-label="Safety flag to raise"
            placeholder="Raise a safety flag"
            size="xs"
            w={320}
            data={Object.entries(SAFETY_FLAG_LABELS).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(value) => setKind(value as SafetyFlagKind | null)}
          />
          <Button size="xs" variant="default" disabled={kind === null} loading={step.isPending && step.variables.path === 'safety-flags'} onClick={() => step.mutate({ path: 'safety-flags', body: { kind } }, { onSuccess: () => setKind(null) })}>
            Raise flag
          </Button>
        </Group>
      ) : null}
      {step.error && reviewing === null ? <ErrorAlert error={step.error} title="Not saved" /> : null}
      <ReasonModal
        opened={reviewing !== null}
        title="Review the safety flag"
        description="Record what you reviewed with the patient. The flag closes and no longer holds medicine sessions."
        reasonLabel="Review note"
        minLength={5}
        confirmLabel="Close the flag"
        busy={step.isPending}
        error={reviewing !== null ? step.error : null}
        onConfirm={(reason) => step.mutate({ path: `safety-flags/${reviewing ?? ''}/review`, body: { reason } }, { onSuccess: () => setReviewing(null) })}
        onClose={() => {
          step.reset();
          setReviewing(null);
        }}
      />
    </Stack>
  );
}
