import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { LEDGER_REPORT_TITLES, LEDGER_REPORTS, type LedgerReportKind, type StockView } from '@lantern/core';
import { reportUrl } from './ledger-api';

const DESCRIPTIONS: Record<LedgerReportKind, string> = {
  receipts: 'Invoices received: product, lot, containers, supplier and DEA number.',
  dispensing: 'Every draw with the date, patient name and address, quantity and who administered (21 CFR 1304.22(c)).',
  waste: 'Waste with its method, who recorded it and the witness.',
  counts: 'Counts with expected and counted amounts, and each discrepancy with its resolution.',
  inventories: 'Initial and biennial inventories as signed.',
  'lot-history': 'One lot from receipt to zero, with the running balance.',
};

/** Reports for a date range, as CSV or printable PDF (each download is audited). */
export function ReportsPanel(props: { stock: StockView }): React.JSX.Element {
  const monthStart = `${props.stock.today.slice(0, 8)}01`;
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(props.stock.today);
  const [lotId, setLotId] = useState<string | null>(null);
  const lots = [...new Map(props.stock.containers.map((c) => [c.lotId, c.lotNumber] as const)).entries()];
  return (
    <Stack gap="md">
      <Group grow>
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Select label="Lot (for its history)" placeholder="Choose a lot" data={lots.map(([id, number]) => ({ value: id, label: number }))} value={lotId} onChange={setLotId} clearable />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {LEDGER_REPORTS.map((kind) => {
          const disabled = kind === 'lot-history' && !lotId;
          const query = { from, to, ...(kind === 'lot-history' && lotId ? { lotId } : {}) };
          return (
            <Paper key={kind} withBorder p="md" component="section" aria-label={LEDGER_REPORT_TITLES[kind]}>
              <Title order={2} fz="md">
                {LEDGER_REPORT_TITLES[kind]}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {DESCRIPTIONS[kind]}
              </Text>
              {disabled ? (
                <Text size="sm">Choose a lot above.</Text>
              ) : (
                <Group gap="sm">
                  <Button component="a" href={reportUrl(kind, { ...query, format: 'pdf' })} download variant="light" leftSection={<IconFileTypePdf size={16} aria-hidden />} aria-label={`${LEDGER_REPORT_TITLES[kind]} as PDF`}>
                    PDF
                  </Button>
                  <Anchor href={reportUrl(kind, { ...query, format: 'csv' })} download aria-label={`${LEDGER_REPORT_TITLES[kind]} as CSV`}>
                    <Group gap={4}>
                      <IconFileSpreadsheet size={16} aria-hidden /> CSV
                    </Group>
                  </Anchor>
                </Group>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
