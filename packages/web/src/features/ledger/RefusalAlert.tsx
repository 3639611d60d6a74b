import { Alert, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, messageOf } from '../../api/api-error';
import { refusalReasons } from './refusal';

/**
 * A refused ledger request, in full: the server's headline and every reason it listed (the `unmet`
 * list of a 409, the field errors of a 400), so nothing is refused without saying why.
 */
export function RefusalAlert(props: { error: unknown; title: string }): React.JSX.Element | null {
  const ref = useRef<HTMLDivElement>(null);
  // A tall form on the tablet may have its foot below the fold: bring the refusal into view.
  useEffect(() => {
    if (props.error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [props.error]);
  if (!props.error) return null;
  const reasons = refusalReasons(props.error);
  // A schema failure's headline repeats its first field path ("body.entry.amount: …"): the list says it better.
  const validation = props.error instanceof ApiError && props.error.code === 'validation' && reasons.length > 0;
  const headline = validation ? 'Check what was entered:' : messageOf(props.error);
  const listed = reasons.filter((reason) => reason.message !== headline || reason.field !== null);
  return (
    <Alert ref={ref} color="red" variant="light" title={props.title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{headline}</Text>
      {listed.length > 0 ? (
        <List size="sm" spacing={2} mt={6} aria-label="Reasons">
          {listed.map((reason, index) => (
            <List.Item key={`${reason.field ?? ''}-${index}`}>
              {reason.field ? <Text span size="sm" fw={600}>{`${reason.field}: `}</Text> : null}
              <Text span size="sm">
                {reason.message}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
