import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { ChartHeader as ChartHeaderData } from '@lantern/core';
import { useCan } from '../../app/session-context';
import { AllergiesTab } from './AllergiesTab';
import { ChartHeader } from './ChartHeader';
import { CourseTab } from '../course/CourseTab';
import { ContraindicationsTab } from './ContraindicationsTab';
import { DiagnosesTab } from './DiagnosesTab';
import { EligibilityTab } from './EligibilityTab';
import { EvaluationsTab } from './EvaluationsTab';
import { MeasurementsTab } from './MeasurementsTab';
import { MedicationsTab } from './MedicationsTab';
import { ProfileTab } from './ProfileTab';

const CLINICAL_TABS = [
  ['diagnoses', 'Diagnoses'],
  ['medications', 'Medications'],
  ['allergies', 'Allergies'],
  ['measurements', 'Measurements'],
  ['evaluations', 'Evaluations'],
  ['contraindications', 'Contraindications'],
  ['eligibility', 'Eligibility'],
  ['course', 'Course'],
] as const;
type TabKey = 'profile' | (typeof CLINICAL_TABS)[number][0];

/**
 * One patient's chart: the header, then the profile and (for clinicians) the clinical tabs. The tab
 * is in the address (`?tab=`), so a link or a reload opens the same tab.
 */
export function ChartView({ header }: { header: ChartHeaderData }): React.JSX.Element {
  const clinical = useCan('patients.clinical');
  const [search, setSearch] = useSearchParams();
  const wanted = search.get('tab');
  const tabs: readonly (readonly [TabKey, string])[] = clinical ? [['profile', 'Profile'], ...CLINICAL_TABS] : [['profile', 'Profile']];
  const tab: TabKey = tabs.find(([key]) => key === wanted)?.[0] ?? 'profile';
  const id = header.id;
  return (
    <>
      <ChartHeader header={header} />
      <Tabs
        mt="md"
        value={tab}
        keepMounted={false}
        onChange={(value) => {
          if (value) setSearch({ tab: value }, { replace: true });
        }}
      >
        {/* Nine sections must fit one row beside the navigation on a 1024-px tablet. */}
        <Tabs.List aria-label="Chart sections">
          {tabs.map(([key, label]) => (
            <Tabs.Tab key={key} value={key} px={6} fz={13}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <ProfileTab patientId={id} />
        </Tabs.Panel>
        {clinical ? (
          <>
            <Tabs.Panel value="diagnoses" pt="md">
              <DiagnosesTab patientId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="medications" pt="md">
              <MedicationsTab patientId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="allergies" pt="md">
              <AllergiesTab patientId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="measurements" pt="md">
              <MeasurementsTab patientId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="evaluations" pt="md">
              <EvaluationsTab patientId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="contraindications" pt="md">
              <ContraindicationsTab patientId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="eligibility" pt="md">
              <EligibilityTab patientId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="course" pt="md">
              <CourseTab patientId={id} />
            </Tabs.Panel>
          </>
        ) : null}
      </Tabs>
    </>
  );
}
