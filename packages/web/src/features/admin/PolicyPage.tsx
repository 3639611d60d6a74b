import { Badge } from '@mantine/core';
import { PageHeader } from '../../ui/PageHeader';
import { Loading } from '../../ui/Loading';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePolicy } from './admin-api';
import { SecurityPolicyForm } from './SecurityPolicyForm';

/** The clinic's versioned policy; saving writes a new version and never edits an old one. */
export function PolicyPage(): React.JSX.Element {
  const policy = usePolicy();
  return (
    <>
      <PageHeader
        title="Clinic policy"
        description="Thresholds Lantern enforces, kept as numbered versions: every decision records the version it used. Saving creates a new version."
        actions={policy.data ? <Badge size="lg" variant="light">Version {policy.data.version}</Badge> : null}
      />
      {policy.isPending ? <Loading label="Loading policy…" /> : null}
      {policy.isError ? <ErrorAlert error={policy.error} title="The policy could not be loaded" onRetry={() => void policy.refetch()} /> : null}
      {policy.data ? <SecurityPolicyForm key={policy.data.version} current={policy.data} /> : null}
    </>
  );
}
