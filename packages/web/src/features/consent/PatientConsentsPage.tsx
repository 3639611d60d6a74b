import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PATIENTS_PATH, patientPath } from '../../app/paths';
import { PageHeader } from '../../ui/PageHeader';
import { usePatient } from '../patients/patients-api';
import { ConsentPanel } from './ConsentPanel';

/** A patient's consents on a page of their own (the chart can embed the same panel). */
export function PatientConsentsPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const name = patient.data?.legalName;
  return (
    <>
      <Breadcrumbs mb="md" aria-label="Breadcrumb">
        <Anchor component={Link} to={PATIENTS_PATH} size="sm">
          Patients
        </Anchor>
        <Anchor component={Link} to={patientPath(id)} size="sm">
          {name ?? 'Chart'}
        </Anchor>
        <Text size="sm">Consents</Text>
      </Breadcrumbs>
      <PageHeader
        title={name ? `Consents: ${name}` : 'Consents'}
        description="Hand the tablet to the patient to sign; you are recorded as the witness. A new version of a document asks for re-consent before the next medicine session."
      />
      <ConsentPanel patientId={id} />
    </>
  );
}
