import { describe, expect, it } from 'vitest';
import { canonicalEntry, type LedgerEntry } from '@lantern/core';
import { drawOf, PRODUCTS, receiptOf, testId, VIAL_100, wasteOfDraw } from '../../../../core/src/ledger/fixtures.js';
import { entryColumns } from './entry-row.js';
import { CHECK_PRIME, SEP, type ReplayCheck, type ReplaySetup } from './verify-protocol.js';
import { answer, replayCheck } from './verify-replay.js';

const CLINIC = testId();
const setup: ReplaySetup = { products: PRODUCTS.map((body) => ({ clinicId: CLINIC, body })), idsKnownUnique: false };

/** A row's indexed columns as verify's query joins them (the columns the server stores for the entry). */
function columnsOf(entry: LedgerEntry, overrides: Partial<Record<'clinicId' | 'patientId' | 'id', string>> = {}): string {
  const row = entryColumns(entry);
  return [
    overrides.id ?? row.id,
    overrides.clinicId ?? CLINIC,
    row.kind,
    row.at.toISOString(),
    row.localDate,
    row.actorId,
    row.witnessId ?? '',
    row.containerId ?? '',
    overrides.patientId ?? row.patientId ?? '',
    row.reversesEntryId ?? '',
  ].join(SEP);
}

const receipt = receiptOf(VIAL_100, { count: 2 });
const vial = receipt.containers[0]?.containerId ?? '';
const draws = [1_000, 2_500].map((hundredths) => drawOf(receipt, VIAL_100, hundredths, { containerId: vial }));
const waste = wasteOfDraw(draws[0] as LedgerEntry & { kind: 'draw' }, VIAL_100, 500);
const ledger: LedgerEntry[] = [receipt, ...draws, waste];
const batch = (entries: readonly LedgerEntry[]) => ({ columns: entries.map((entry) => columnsOf(entry)), contents: entries.map((entry) => canonicalEntry(entry)) });
/** Checks `entries` as one batch of intact rows. */
const rowsOf = (check: ReplayCheck, entries: readonly LedgerEntry[]) => {
  const { columns, contents } = batch(entries);
  return check.rows(columns, contents);
};

describe('the ledger verifier replay', () => {
  it('replays rows whose records and columns agree, across batches, and holds the replayed balances', () => {
    const check = replayCheck(setup);
    const { columns, contents } = batch(ledger);
    expect(check.rows(columns.slice(0, 2), contents.slice(0, 2))).toBeNull();
    expect(check.rows(columns.slice(2), contents.slice(2))).toBeNull();
    const balances = receipt.containers.map((line) => ({ id: line.containerId, clinicId: CLINIC, label: 'V', balanceHundredths: line.amount.mass.hundredths, locationId: receipt.locationId }));
    const vialRow = { id: vial, clinicId: CLINIC, label: 'V', balanceHundredths: 100_000 - 3_500, locationId: receipt.locationId };
    expect(check.containers(balances.map((row) => (row.id === vial ? vialRow : row)))).toBeNull();
    expect(check.rows([], [])).toBeNull();
  });

  it('names the first row whose record is unreadable, whose columns were edited, or whose replay breaks a rule', () => {
    const { columns, contents } = batch(ledger);
    expect(replayCheck(setup).rows(columns, contents.map((content, i) => (i === 2 ? content.slice(1) : content)))).toEqual({ index: 2, reason: 'its record is not readable' });
    const edited = columns.map((line, i) => (i === 1 ? columnsOf(ledger[1] as LedgerEntry, { patientId: testId() }) : line));
    expect(replayCheck(setup).rows(edited, contents)).toEqual({ index: 1, reason: 'its patientId column does not match its record (the row was edited)' });
    const otherId = columns.map((line, i) => (i === 3 ? columnsOf(ledger[3] as LedgerEntry, { id: testId() }) : line));
    expect(replayCheck(setup).rows(otherId, contents)).toEqual({ index: 3, reason: 'its record names another entry id' });
    const tooMuch = drawOf(receipt, VIAL_100, 100_010, { containerId: vial });
    const fault = rowsOf(replayCheck(setup), [receipt, tooMuch]);
    expect(fault).toMatchObject({ index: 1 });
    expect(fault?.reason).toMatch(/^replaying it breaks a ledger rule: /);
  });

  it('refuses a repeated entry id unless the table vouches that ids are unique', () => {
    const repeated = [receipt, draws[0] as LedgerEntry, draws[0] as LedgerEntry];
    expect(rowsOf(replayCheck(setup), repeated)?.reason).toContain('An entry with this id is already recorded');
    // With unique ids vouched for, the repeated draw still fails: its administration is already drawn.
    expect(rowsOf(replayCheck({ ...setup, idsKnownUnique: true }), repeated)?.reason).toContain('This administration already has its draw');
  });

  it('names a container whose stored balance, location or receipt disagrees with the entries', () => {
    const check = replayCheck(setup);
    expect(rowsOf(check, ledger)).toBeNull();
    const row = { id: vial, clinicId: CLINIC, label: 'LOT1 #1', balanceHundredths: 96_500, locationId: receipt.locationId };
    expect(check.containers([row])).toBeNull();
    expect(check.containers([{ ...row, balanceHundredths: 96_400 }])).toBe(`container LOT1 #1 (${vial}) holds 964.00 mg on the books but its entries add up to 965.00 mg`);
    expect(check.containers([{ ...row, locationId: testId() }])).toBe(`container LOT1 #1 (${vial}) is at a location its entries do not put it`);
    const stray = testId();
    expect(check.containers([{ ...row, id: stray }])).toBe(`container LOT1 #1 (${stray}) has no receipt in the ledger`);
  });

  it("sums the open draws the way verify's SQL does, and names a draw row that disagrees", () => {
    const check = replayCheck(setup);
    expect(rowsOf(check, ledger)).toBeNull();
    const weight = (id: string) => Number.parseInt(id.slice(0, 5), 16) + 1;
    const [first, second] = draws as [LedgerEntry, LedgerEntry];
    expect(check.drawChecksum()).toEqual({
      count: 2,
      amount: (weight(first.id) * 1_000 + weight(second.id) * 2_500) % CHECK_PRIME,
      wasted: (weight(first.id) * 500) % CHECK_PRIME,
      returned: 0,
    });
    const line = (id: string, amount: number, wasted: number) => [id, CLINIC, amount, wasted, 0].join(SEP);
    expect(check.drawLines([line(first.id, 1_000, 500), line(second.id, 2_500, 0)])).toBeNull();
    expect(check.drawLines([line(first.id, 1_000, 500), line(second.id, 2_500, 100)])).toBe(`draw ${second.id} does not match its entries`);
    const unknown = testId();
    expect(check.drawLines([line(unknown, 1_000, 0)])).toBe(`draw ${unknown} does not match its entries`);
  });

  it('answers each request as the direct call does (the worker side)', () => {
    const direct = replayCheck(setup);
    const viaAnswer = replayCheck(setup);
    const { columns, contents } = batch(ledger);
    expect(answer(viaAnswer, { type: 'rows', columns, contents })).toEqual(direct.rows(columns, contents));
    expect(answer(viaAnswer, { type: 'drawChecksum' })).toEqual(direct.drawChecksum());
    expect(answer(viaAnswer, { type: 'containers', rows: [] })).toBeNull();
    expect(answer(viaAnswer, { type: 'drawLines', lines: [] })).toBeNull();
  });
});
