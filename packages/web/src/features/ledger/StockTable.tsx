import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ProductView, StockView } from '@lantern/core';
import { IconPackage } from '@tabler/icons-react';
import { EmptyNotice } from '../../ui/EmptyNotice';

/** "Injection 100 mg/mL, 10 mL vial": the substance is ketamine throughout, so the table leaves it out. */
function productShort(product: ProductView | undefined): string {
  if (!product) return '';
  const form = product.form === 'injection_solution' ? 'Injection' : product.form === 'troche' ? 'Troche' : 'Tablet';
  return `${form} ${product.strength}, ${product.containerSize}`;
}

/** What each storage location holds, lot by lot and container by container, with the running balance. */
export function StockTable(props: { stock: StockView }): React.JSX.Element {
  const { stock } = props;
  const products = new Map(stock.products.map((p) => [p.id, p] as const));
  if (stock.containers.length === 0) {
    return <EmptyNotice icon={<IconPackage aria-hidden />} title="No stock on hand" description="Receive stock from a supplier to start the ledger." />;
  }
  return (
    <>
      {stock.locations.map((location) => {
        const here = stock.containers.filter((c) => c.locationId === location.id);
        if (here.length === 0) return null;
        return (
          <Paper key={location.id} withBorder p="md" mb="md" component="section" aria-label={`Stock at ${location.name}`}>
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="lg">
                {location.name}
              </Title>
              <Text size="sm" c="dimmed">
                {here.length} container{here.length === 1 ? '' : 's'}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Container</Table.Th>
                    <Table.Th>Product</Table.Th>
                    <Table.Th>Lot</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th ta="right">Balance</Table.Th>
                    <Table.Th>State</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {here.map((c) => (
                    <Table.Tr key={c.id} data-testid={`container-${c.label}`}>
                      <Table.Td fw={600}>{c.label}</Table.Td>
                      <Table.Td>{productShort(products.get(c.productId))}</Table.Td>
                      <Table.Td>{c.lotNumber}</Table.Td>
                      <Table.Td>
                        {c.expiresOn}
                        {c.expired ? (
                          <Badge color="red" ml="xs" size="sm">
                            Expired
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {c.balanceMg} mg{c.balanceMl ? ` (${c.balanceMl} mL)` : ''}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={c.opened ? 'yellow' : 'teal'} style={{ overflow: 'visible' }} miw={72}>
                          {c.opened ? 'Opened' : 'Sealed'}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}
    </>
  );
}
