import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { RefusalAlert } from './RefusalAlert';
import { ConfirmationFields, confirmationOf, EMPTY_CONFIRMATION, type ConfirmationDraft } from './ConfirmationFields';
import { useInventories, useTakeInventory } from './ledger-api';

/**
 * Initial and biennial inventories (21 CFR 1304.11): the draft comes from the books, opened
 * Schedule III containers are listed with their book amounts, and the person taking it signs with
 * their own password and code.
 */
export function InventoryPanel(props: { stock: StockView; me: { id: string; name: string } }): React.JSX.Element {
  const inventories = useInventories();
  const take = useTakeInventory();
  const [kind, setKind] = useState<string | null>('biennial');
  const [timing, setTiming] = useState<string | null>('closing_of_business');
  const [signature, setSignature] = useState<ConfirmationDraft>({ ...EMPTY_CONFIRMATION, userId: props.me.id });
  const submit = (): void => {
    const confirmation = confirmationOf(signature);
    if (!confirmation) return;
    take.mutate(
      { kind: kind === 'initial' ? 'initial' : 'biennial', timing: timing === 'opening_of_business' ? 'opening_of_business' : 'closing_of_business', locationId: null, signature: confirmation },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'teal', message: `Inventory signed; the next is due by ${view.nextDueOn}` });
          setSignature({ ...EMPTY_CONFIRMATION, userId: props.me.id });
        },
        onError: () => setSignature((s) => ({ ...s, password: '', totp: '' })),
      },
    );
  };
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="xs">
          Take an inventory
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Group grow>
              <Select allowDeselect={false} label="Inventory" data={[{ value: 'initial', label: 'Initial' }, { value: 'biennial', label: 'Biennial' }]} value={kind} onChange={setKind} />
              <Select
                allowDeselect={false}
                label="Taken at"
                data={[
                  { value: 'opening_of_business', label: 'Opening of business' },
                  { value: 'closing_of_business', label: 'Close of business' },
                ]}
                value={timing}
                onChange={setTiming}
              />
            </Group>
            <ConfirmationFields legend="Signature" who="signer" people={[]} value={signature} onChange={setSignature} fixedPerson={props.me.name} />
            <RefusalAlert error={take.error} title="The inventory was not signed" />
            <Group justify="flex-end">
              <Button type="submit" loading={take.isPending} disabled={!confirmationOf(signature)}>
                Sign inventory
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {inventories.isPending ? <Loading label="Loading inventories…" /> : null}
      {inventories.error ? <ErrorAlert error={inventories.error} /> : null}
      {(inventories.data ?? []).map((inventory) => (
        <Paper key={inventory.id} withBorder p="md" component="section" aria-label={`${inventory.kind} inventory of ${inventory.takenOn}`}>
          <Group justify="space-between">
            <Title order={3} fz="md">
              {inventory.kind === 'initial' ? 'Initial' : 'Biennial'} inventory, {inventory.takenOn} ({inventory.timing === 'opening_of_business' ? 'opening' : 'close'} of business)
            </Title>
            <Text size="sm" c="dimmed">
              Signed by {inventory.signedByName}; next due by {inventory.nextDueOn}
            </Text>
          </Group>
          {inventory.lines.length === 0 ? <Text size="sm">No controlled substances on hand (zero count).</Text> : null}
          {inventory.lines.length > 0 ? (
            <Table mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Substance, form, strength</Table.Th>
                  <Table.Th>Container size</Table.Th>
                  <Table.Th>Sealed</Table.Th>
                  <Table.Th>Opened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inventory.lines.map((line) => (
                  <Table.Tr key={line.productId}>
                    <Table.Td>
                      {line.substance} {line.form.replace('_', ' ')} {line.strength}
                    </Table.Td>
                    <Table.Td>{line.containerSize}</Table.Td>
                    <Table.Td>{line.sealedContainers}</Table.Td>
                    <Table.Td>{line.openedContainers.map((c) => `${c.quantityMg} mg${c.estimated ? ' (est.)' : ''}`).join(', ') || 'none'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
