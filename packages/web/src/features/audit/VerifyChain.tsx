import { Alert, Button } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { ChainVerification } from './audit-api';

export function VerifyChainButton(props: { verify: UseMutationResult<ChainVerification, ApiError, void> }): React.JSX.Element {
  return (
    <Button variant="default" leftSection={<IconShieldCheck size={16} />} loading={props.verify.isPending} onClick={() => props.verify.mutate()}>
      Verify chain
    </Button>
  );
}

/** The answer of a chain check: every entry's hash recomputed from the one before it. */
export function VerifyChainResult(props: { verify: UseMutationResult<ChainVerification, ApiError, void> }): React.JSX.Element | null {
  const { data, error } = props.verify;
  if (error) return <ErrorAlert error={error} title="The chain could not be checked" />;
  if (!data) return null;
  if (data.ok) {
    return (
      <Alert color="teal" variant="light" icon={<IconShieldCheck aria-hidden />} title="Audit chain intact" role="status" mb="md">
        {data.checked.toLocaleString('en-US')} entries checked: none altered, removed or reordered.
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconShieldX aria-hidden />} title="Audit chain broken" mb="md">
      {data.checked.toLocaleString('en-US')} entries checked. The first bad entry is #{data.firstBad?.seq ?? '?'}: {data.firstBad?.reason ?? 'unknown reason'}. Tell the
      clinic&apos;s security officer; the trail may have been tampered with.
    </Alert>
  );
}
