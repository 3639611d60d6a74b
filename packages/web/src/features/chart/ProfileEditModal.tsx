import { useState } from 'react';
import { ActionIcon, Button, Divider, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { PatientProfile } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSaveProfile } from './chart-api';

interface ContactDraft {
  name: string;
  relationship: string;
  phone: string;
}

interface Draft {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  emergency: ContactDraft;
  escorts: ContactDraft[];
  pharmacyName: string;
  pharmacyPhone: string;
  pharmacyAddress: string;
  payer: string;
  memberId: string;
  groupNumber: string;
}

const blankContact: ContactDraft = { name: '', relationship: '', phone: '' };

function draftOf(p: PatientProfile): Draft {
  const contact = (c: PatientProfile['emergencyContact']): ContactDraft => (c ? { name: c.name, relationship: c.relationship ?? '', phone: c.phone } : { ...blankContact });
  return {
    legalGivenName: p.legalGivenName,
    legalFamilyName: p.legalFamilyName,
    preferredName: p.preferredName ?? '',
    pronouns: p.pronouns ?? '',
    dateOfBirth: p.dateOfBirth,
    email: p.email ?? '',
    phone: p.phone ?? '',
    line1: p.address?.line1 ?? '',
    line2: p.address?.line2 ?? '',
    city: p.address?.city ?? '',
    state: p.address?.state ?? '',
    postalCode: p.address?.postalCode ?? '',
    emergency: contact(p.emergencyContact),
    escorts: p.escorts.map((e) => contact(e)),
    pharmacyName: p.pharmacy?.name ?? '',
    pharmacyPhone: p.pharmacy?.phone ?? '',
    pharmacyAddress: p.pharmacy?.address ?? '',
    payer: p.insurance?.payer ?? '',
    memberId: p.insurance?.memberId ?? '',
    groupNumber: p.insurance?.groupNumber ?? '',
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const contactOrNull = (c: ContactDraft): { name: string; relationship: string | null; phone: string } | null =>
  c.name.trim() === '' && c.phone.trim() === '' ? null : { name: c.name.trim(), relationship: orNull(c.relationship), phone: c.phone.trim() };

/** The request body: an empty group of fields (no street, no pharmacy name…) means "not recorded". */
function bodyOf(d: Draft, version: number): Record<string, unknown> {
  const anyAddress = [d.line1, d.line2, d.city, d.state, d.postalCode].some((v) => v.trim() !== '');
  return {
    version,
    legalGivenName: d.legalGivenName,
    legalFamilyName: d.legalFamilyName,
    preferredName: orNull(d.preferredName),
    pronouns: orNull(d.pronouns),
    dateOfBirth: d.dateOfBirth,
    email: orNull(d.email),
    phone: orNull(d.phone),
    address: anyAddress ? { line1: d.line1, line2: orNull(d.line2), city: d.city, state: d.state, postalCode: d.postalCode } : null,
    emergencyContact: contactOrNull(d.emergency),
    escorts: d.escorts.map(contactOrNull).filter((c) => c !== null),
    pharmacy: d.pharmacyName.trim() || d.pharmacyPhone.trim() || d.pharmacyAddress.trim() ? { name: d.pharmacyName, phone: orNull(d.pharmacyPhone), address: orNull(d.pharmacyAddress) } : null,
    insurance: d.payer.trim() || d.memberId.trim() || d.groupNumber.trim() ? { payer: d.payer, memberId: d.memberId, groupNumber: orNull(d.groupNumber) } : null,
  };
}

function ContactFields(props: { legend: string; value: ContactDraft; onChange: (value: ContactDraft) => void; error: (field: string) => string | undefined }): React.JSX.Element {
  const set = (field: keyof ContactDraft) => (event: React.ChangeEvent<HTMLInputElement>) => props.onChange({ ...props.value, [field]: event.currentTarget.value });
  return (
    <SimpleGrid cols={3} spacing="sm">
      <TextInput label="Name" aria-label={`${props.legend}: name`} maxLength={120} value={props.value.name} onChange={set('name')} error={props.error('name')} />
      <TextInput label="Relationship" aria-label={`${props.legend}: relationship`} maxLength={60} value={props.value.relationship} onChange={set('relationship')} />
      <TextInput label="Phone" aria-label={`${props.legend}: phone`} maxLength={40} value={props.value.phone} onChange={set('phone')} error={props.error('phone')} />
    </SimpleGrid>
  );
}

/** Edits the whole profile; saved with the version it was loaded at, so two edits never overwrite each other silently. */
export function ProfileEditModal(props: { profile: PatientProfile; opened: boolean; onClose: () => void }): React.JSX.Element {
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.profile));
  const save = useSaveProfile(props.profile.id);
  const text = (field: keyof Draft) => (event: React.ChangeEvent<HTMLInputElement>) => {
    // Read the value now: React may run the updater after the event's currentTarget is gone.
    const value = event.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const error = (path: string): string | undefined => save.error?.fieldError(path);
  const close = (): void => {
    save.reset();
    setDraft(draftOf(props.profile));
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title="Edit profile" size="xl" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(bodyOf(draft, props.profile.version), {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'Profile saved' });
              props.onClose();
            },
          });
        }}
      >
        <Stack gap="md">
          <Title order={3} fz="md">Names and date of birth</Title>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="Legal given name" required maxLength={100} value={draft.legalGivenName} onChange={text('legalGivenName')} error={error('legalGivenName')} />
            <TextInput label="Legal family name" required maxLength={100} value={draft.legalFamilyName} onChange={text('legalFamilyName')} error={error('legalFamilyName')} />
            <TextInput label="Preferred name" maxLength={100} value={draft.preferredName} onChange={text('preferredName')} />
            <TextInput label="Pronouns" maxLength={40} value={draft.pronouns} onChange={text('pronouns')} />
            <TextInput label="Date of birth" type="date" required value={draft.dateOfBirth} onChange={text('dateOfBirth')} error={error('dateOfBirth')} />
          </SimpleGrid>
          <Divider />
          <Title order={3} fz="md">Contact and address</Title>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="Phone" maxLength={40} value={draft.phone} onChange={text('phone')} />
            <TextInput label="E-mail" type="email" maxLength={254} value={draft.email} onChange={text('email')} error={error('email')} />
            <TextInput label="Street address" maxLength={200} value={draft.line1} onChange={text('line1')} error={error('address.line1')} />
            <TextInput label="Address line 2" maxLength={200} value={draft.line2} onChange={text('line2')} />
          </SimpleGrid>
          <SimpleGrid cols={3} spacing="sm">
            <TextInput label="City" maxLength={100} value={draft.city} onChange={text('city')} error={error('address.city')} />
            <TextInput label="State" maxLength={50} value={draft.state} onChange={text('state')} error={error('address.state')} />
            <TextInput label="Postal code" maxLength={20} value={draft.postalCode} onChange={text('postalCode')} error={error('address.postalCode')} />
          </SimpleGrid>
          <Divider />
          <Title order={3} fz="md">Emergency contact</Title>
          <ContactFields legend="Emergency contact" value={draft.emergency} onChange={(emergency) => setDraft((d) => ({ ...d, emergency }))} error={(f) => error(`emergencyContact.${f}`)} />
          <Group justify="space-between">
            <Title order={3} fz="md">Escorts and drivers</Title>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={draft.escorts.length >= 5}
              onClick={() => setDraft((d) => ({ ...d, escorts: [...d.escorts, { ...blankContact }] }))}
            >
              Add escort
            </Button>
          </Group>
          {draft.escorts.length === 0 ? <Text size="sm" c="dimmed">No escort recorded yet.</Text> : null}
          {draft.escorts.map((escort, index) => (
            <Group key={index} align="flex-end" wrap="nowrap" gap="xs" role="group" aria-label={`Escort ${index + 1}`}>
              <div style={{ flex: 1 }}>
                <ContactFields
                  legend={`Escort ${index + 1}`}
                  value={escort}
                  onChange={(value) => setDraft((d) => ({ ...d, escorts: d.escorts.map((e, i) => (i === index ? value : e)) }))}
                  error={(f) => error(`escorts.${index}.${f}`)}
                />
              </div>
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove escort ${index + 1}`} onClick={() => setDraft((d) => ({ ...d, escorts: d.escorts.filter((_, i) => i !== index) }))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Divider />
          <Title order={3} fz="md">Pharmacy and insurance</Title>
          <SimpleGrid cols={3} spacing="sm">
            <TextInput label="Pharmacy" maxLength={120} value={draft.pharmacyName} onChange={text('pharmacyName')} error={error('pharmacy.name')} />
            <TextInput label="Pharmacy phone" maxLength={40} value={draft.pharmacyPhone} onChange={text('pharmacyPhone')} />
            <TextInput label="Pharmacy address" maxLength={300} value={draft.pharmacyAddress} onChange={text('pharmacyAddress')} />
            <TextInput label="Insurance payer" maxLength={120} value={draft.payer} onChange={text('payer')} error={error('insurance.payer')} />
            <TextInput label="Member id" maxLength={60} value={draft.memberId} onChange={text('memberId')} error={error('insurance.memberId')} />
            <TextInput label="Group number" maxLength={60} value={draft.groupNumber} onChange={text('groupNumber')} />
          </SimpleGrid>
          {save.error && save.error.errors.length === 0 ? <ErrorAlert error={save.error} title="Profile not saved" /> : null}
          {save.error && save.error.errors.length > 0 ? <Text size="sm" c="red">Check the highlighted fields.</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
