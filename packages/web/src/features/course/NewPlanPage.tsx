import { useMemo, useState } from 'react';
import { Button, Card, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { FOCUS_GUIDES, type CourseModality, type DiagnosisView, type PatientHeader } from '@lantern/core';
import { api } from '../../api/client';
import { patientChartTabPath } from '../../app/paths';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { chartKey } from '../chart/chart-api';
import { UnmetList } from '../chart/UnmetList';
import { usePatients } from '../patients/patients-api';
import { unmetOf, useCreatePlan, usePlanDefaults } from './course-api';
import { PlannedCountsFields } from './PlannedCountsFields';
import { checkCounts, draftOf, type CountsDraft } from './planned-counts-form';

const MODALITIES: { value: CourseModality; label: string }[] = [
  { value: 'individual', label: 'Individual' },
  { value: 'couples', label: 'Couples / family' },
  { value: 'group', label: 'Group' },
];

/** The focus select's value for a focus the clinic defines itself (typed in a second field). */
const CLINIC_FOCUS = '__clinic';
const FOCUS_OPTIONS = [...Object.entries(FOCUS_GUIDES).map(([value, guide]) => ({ value, label: guide.label })), { value: CLINIC_FOCUS, label: 'Clinic-defined focus…' }];

const DEFAULT_CAPACITY = 8;

/** The request fields this form shows a server complaint next to. */
const SHOWN_FIELDS = ['title', 'focus', 'patientIds', 'capacity', 'facilitators', 'content.targetConditions', 'content.goals', 'content.intentions', 'content.careTeam', 'content.plannedCounts'];

function patientLabel(p: PatientHeader): string {
  const [given, ...family] = p.legalName.split(' ');
  return `${p.preferredName ?? given ?? ''} ${family.join(' ')} · ${p.mrn}`;
}

/** Everyone on the chosen patients' care teams, and the signed-in clinician: who may be on the plan's care team or facilitate. */
function useTeamCandidates(chosen: readonly PatientHeader[]): { value: string; label: string }[] {
  const session = useSession();
  return useMemo(() => {
    const names = new Map<string, string>([[session.user.id, `${session.user.displayName} (you)`]]);
    for (const p of chosen) for (const member of p.careTeam) if (!names.has(member.userId)) names.set(member.userId, `${member.displayName} (${member.role.replace('_', ' ')})`);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [chosen, session.user.id, session.user.displayName]);
}

/** The chosen patients' active diagnoses, as target conditions to pick from (ICD-10-CM codes). */
function useDiagnosisOptions(patientIds: readonly string[]): { value: string; label: string }[] {
  const results = useQueries({
    queries: patientIds.map((id) => ({ queryKey: [...chartKey(id), 'diagnoses'], queryFn: () => api<DiagnosisView[]>(`/api/patients/${encodeURIComponent(id)}/diagnoses`) })),
  });
  const codes = new Map<string, string>();
  for (const result of results) for (const d of result.data ?? []) if (d.status === 'active' && !codes.has(d.code)) codes.set(d.code, `${d.code} ${d.label}`);
  return [...codes].map(([value, label]) => ({ value, label }));
}

/**
 * Drafts a treatment plan: individual, couples/family (two or more linked patients) or a group
 * (a cohort with a capacity and facilitators). The server opens a course per participant; a physician
 * co-signs the plan on the course tab afterwards.
 */
export function NewPlanPage(): React.JSX.Element {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreatePlan();
  const [modality, setModality] = useState<CourseModality>(params.get('modality') === 'group' ? 'group' : params.get('modality') === 'individual' ? 'individual' : 'couples');
  const [focus, setFocus] = useState<string | null>('general');
  const [customFocus, setCustomFocus] = useState('');
  const [title, setTitle] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = usePatients(debounced, 0);
  const presetId = params.get('patient');
  const preset = useQuery({ queryKey: ['patients', 'one', presetId], queryFn: () => api<PatientHeader>(`/api/patients/${encodeURIComponent(presetId ?? '')}`), enabled: presetId !== null });
  const [picked, setPicked] = useState<PatientHeader[] | null>(null);
  const chosen = useMemo(() => picked ?? (preset.data ? [preset.data] : []), [picked, preset.data]);
  const [capacity, setCapacity] = useState<number>(DEFAULT_CAPACITY);
  const [facilitators, setFacilitators] = useState<string[]>([session.user.id]);
  const [careTeam, setCareTeam] = useState<string[]>([session.user.id]);
  const [targetConditions, setTargetConditions] = useState<string[]>([]);
  const [goals, setGoals] = useState('');
  const [intentions, setIntentions] = useState('');
  const candidates = useTeamCandidates(chosen);
  const diagnoses = useDiagnosisOptions(chosen.map((p) => p.id));
  const defaults = usePlanDefaults();
  const [countsEdited, setCountsEdited] = useState<CountsDraft | null>(null);
  const countsDraft = countsEdited ?? (defaults.data ? draftOf(defaults.data.plannedCounts) : null);
  const countsCheck = countsDraft && defaults.data ? checkCounts(countsDraft, defaults.data.plannedCounts) : null;
  const [triedInvalidCounts, setTriedInvalidCounts] = useState(false);

  const options = useMemo(() => {
    const all = new Map<string, string>(chosen.map((p) => [p.id, patientLabel(p)]));
    for (const p of found.data ?? []) if (!all.has(p.id)) all.set(p.id, patientLabel(p));
    return [...all].map(([value, label]) => ({ value, label }));
  }, [chosen, found.data]);

  const pick = (ids: string[]): void => {
    const known = new Map([...chosen, ...(found.data ?? [])].map((p) => [p.id, p]));
    setPicked(ids.flatMap((id) => known.get(id) ?? []));
    create.reset();
  };

  const maxPatients = modality === 'individual' ? 1 : modality === 'group' ? capacity : 30;
  const focusValue = focus === CLINIC_FOCUS ? customFocus.trim() : (focus ?? 'general');
  const error = create.error;
  const unmet = unmetOf(error);
  const fieldError = (field: string): string | undefined => error?.fieldError(field);
  // Complaints about fields the form shows are shown there; anything else (a conflict, a patient out of scope) above the buttons.
  const inline = error !== null && error.errors.length > 0 && error.errors.every((e) => SHOWN_FIELDS.some((f) => e.path === f || e.path.startsWith(`${f}.`)));

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (countsCheck?.errors) {
      setTriedInvalidCounts(true);
      return;
    }
    create.mutate(
      {
        modality,
        focus: focusValue,
        title: title.trim(),
        patientIds: chosen.map((p) => p.id),
        ...(modality === 'group' ? { capacity, facilitators } : {}),
        content: {
          targetConditions,
          goals: goals
            .split('\n')
            .map((goal) => goal.trim())
            .filter(Boolean),
          intentions: intentions.trim(),
          careTeam,
          // Not loaded: omitted, and the server takes the clinic policy's.
          ...(countsCheck?.counts ? { plannedCounts: countsCheck.counts } : {}),
        },
      },
      {
        onSuccess: (plan) => {
          if (plan.members[0]) void navigate(patientChartTabPath(plan.members[0].patientId, 'course'));
        },
      },
    );
  };

  return (
    <Stack gap="lg" maw={880}>
      <PageHeader title="New treatment plan" description="Draft the plan with its participants. Each participant gets their own course, gates and notes; a physician co-signs the plan afterwards." />
      <form onSubmit={submit} onChange={() => (create.error ? create.reset() : undefined)} aria-label="New treatment plan">
        <Stack gap="md">
          <Card withBorder>
            <Stack gap="sm">
              <div>
                <Text size="sm" fw={500} id="plan-modality-label">
                  Modality
                </Text>
                <SegmentedControl
                  aria-labelledby="plan-modality-label"
                  data={MODALITIES}
                  value={modality}
                  onChange={(value) => setModality(value as CourseModality)}
                />
              </div>
              <SimpleGrid cols={2} spacing="sm">
                <TextInput
                  label="Title"
                  description={modality === 'individual' ? 'e.g. Individual course' : modality === 'couples' ? 'e.g. the family name' : 'e.g. Thursday grief circle'}
                  required
                  maxLength={120}
                  value={title}
                  onChange={(event) => setTitle(event.currentTarget.value)}
                  error={fieldError('title')}
                />
                <Group gap="sm" align="flex-start" grow>
                  <Select label="Focus" data={FOCUS_OPTIONS} value={focus} onChange={setFocus} allowDeselect={false} error={focus === CLINIC_FOCUS ? undefined : fieldError('focus')} />
                  {focus === CLINIC_FOCUS ? (
                    <TextInput
                      label="Clinic-defined focus"
                      description="Lower-case letters, digits and _"
                      placeholder="e.g. end_of_life"
                      required
                      value={customFocus}
                      onChange={(event) => setCustomFocus(event.currentTarget.value)}
                      error={fieldError('focus')}
                    />
                  ) : null}
                </Group>
              </SimpleGrid>
              <MultiSelect
                label={modality === 'individual' ? 'Patient' : modality === 'couples' ? 'Participants (two or more)' : 'Members'}
                description={modality === 'group' ? `Up to the group's capacity (${capacity}). Search by name or MRN.` : 'Search by name or MRN.'}
                placeholder={chosen.length < maxPatients ? 'Search patients' : undefined}
                searchable
                searchValue={search}
                onSearchChange={setSearch}
                data={options}
                value={chosen.map((p) => p.id)}
                onChange={pick}
                maxValues={maxPatients}
                nothingFoundMessage={found.isFetching ? 'Searching…' : 'No patient matches'}
                filter={({ options: all }) => all}
                error={fieldError('patientIds')}
              />
              {modality === 'group' ? (
                <SimpleGrid cols={2} spacing="sm">
                  <NumberInput label="Capacity" description="How many members the group takes" min={2} max={30} value={capacity} onChange={(value) => setCapacity(typeof value === 'number' ? value : DEFAULT_CAPACITY)} error={fieldError('capacity')} />
                  <MultiSelect label="Facilitators" description="From the members' care teams" data={candidates} value={facilitators} onChange={setFacilitators} maxValues={6} error={fieldError('facilitators')} />
                </SimpleGrid>
              ) : null}
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap="sm">
              <MultiSelect
                label="Target conditions"
                description={chosen.length === 0 ? 'Choose the participants first: the conditions come from their charts’ active diagnoses.' : 'From the participants’ active diagnoses'}
                data={diagnoses}
                value={targetConditions}
                onChange={setTargetConditions}
                maxValues={20}
                error={fieldError('content.targetConditions')}
              />
              <Textarea label="Goals" description="One goal per line" autosize minRows={2} value={goals} onChange={(event) => setGoals(event.currentTarget.value)} error={fieldError('content.goals')} />
              <Textarea
                label="Intentions"
                description="Written with the therapist during preparation; the patient can edit them later."
                autosize
                minRows={2}
                maxLength={4000}
                value={intentions}
                onChange={(event) => setIntentions(event.currentTarget.value)}
                error={fieldError('content.intentions')}
              />
              <MultiSelect label="Care team" description="From the participants' care teams" data={candidates} value={careTeam} onChange={setCareTeam} maxValues={20} error={fieldError('content.careTeam')} />
            </Stack>
          </Card>
          {defaults.data && countsDraft ? (
            <PlannedCountsFields
              policy={defaults.data.plannedCounts}
              policyVersion={defaults.data.policyVersion}
              draft={countsDraft}
              onChange={(draft) => {
                setCountsEdited(draft);
                setTriedInvalidCounts(false);
              }}
              errorOf={(path) => countsCheck?.errors?.get(path) ?? fieldError(`content.plannedCounts.${path}`)}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {defaults.isError ? 'The clinic policy’s planned session counts could not be loaded; the plan will follow them as they stand.' : 'Loading the clinic policy’s planned session counts…'}
            </Text>
          )}
          <UnmetList title="The plan was refused" color="red" items={unmet} />
          {error && unmet.length === 0 && !inline ? <ErrorAlert error={error} title="The plan was not created" /> : null}
          {triedInvalidCounts && countsCheck?.errors ? (
            <Text size="sm" c="red" role="alert">
              The plan was not created: check the planned session counts.
            </Text>
          ) : null}
          {inline ? (
            <Text size="sm" c="red" role="alert">
              The plan was not created: check the highlighted fields.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(-1)}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
