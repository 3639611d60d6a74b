import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  addClinicDays,
  amountOfMass,
  canonicalEntry,
  clinicDateOf,
  compareCount,
  containerCapacity,
  controlledProduct,
  countSheet,
  discrepancyDrafts,
  draftInventory,
  emptyLedger,
  isWeekendDate,
  mgOf,
  planEntry,
  unwrapLedger,
  applyChange,
  type ControlledProduct,
  type CountKind,
  type LedgerEntry,
  type LedgerStaff,
  type LedgerState,
} from '@lantern/core';
import type { Db, Executor } from '../../platform/db/index.js';
import { appUser, clinic, patient } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { insertCount, insertResolution, storedLine } from './count-repo.js';
import { insertInventory } from './records-repo.js';
import * as repo from './repo.js';

/**
 * The demo clinic's controlled-substance history (issue #6): an initial zero-count inventory, then
 * receipts of ketamine 100 mg/mL vials and 100 mg troches, and six weeks of dosing days (Tuesdays and
 * Thursdays) with start- and end-of-day counts by two people, draws for the patients' medicine
 * sessions, and witnessed waste of each vial's leftover. One count finds 2 mg short, explained.
 * Written through the same rules and tables as live entries, so `lantern ledger verify` passes.
 */

const SUPPLIER = { name: 'Great Plains Medical Supply', address: '2400 Distribution Way, Omaha, NE 68110', deaNumber: 'PG4382014' };
const PHARMACY = { name: 'Northstar Compounding Pharmacy', address: '88 Cedar Ave, Minneapolis, MN 55404', deaNumber: 'RM7193054' };
const DAY = 86_400_000;

interface Cast {
  readonly nurse: LedgerStaff;
  readonly physician: LedgerStaff;
  readonly director: LedgerStaff & { readonly name: string };
  readonly patients: readonly string[];
}

async function cast(db: Executor, clinicId: string): Promise<Cast | null> {
  const staff = await db.select({ id: appUser.id, email: appUser.email, name: appUser.displayName, roles: appUser.roles }).from(appUser).where(eq(appUser.clinicId, clinicId));
  const byEmail = (email: string) => staff.find((s) => s.email === email);
  const nurse = byEmail('nurse@lantern.test');
  const physician = byEmail('physician@lantern.test');
  const director = byEmail('director@lantern.test');
  const patients = await db
    .select({ id: patient.id })
    .from(patient)
    .where(and(eq(patient.clinicId, clinicId), inArray(patient.status, ['active', 'preparation', 'medicine', 'integration'])))
    .orderBy(asc(patient.mrn))
    .limit(6);
  if (!nurse || !physician || !director || patients.length === 0) return null;
  const person = (s: { id: string; roles: string[] }) => ({ id: s.id, roles: s.roles as LedgerStaff['roles'] });
  return { nurse: person(nurse), physician: person(physician), director: { ...person(director), name: director.name }, patients: patients.map((p) => p.id) };
}

class DemoLedger {
  state: LedgerState;
  constructor(
    private readonly tx: Executor,
    private readonly clinicId: string,
    private readonly timeZone: string,
    products: readonly ControlledProduct[],
  ) {
    this.state = emptyLedger(products);
  }

  meta(at: Date, actor: LedgerStaff): { id: string; at: string; localDate: string; actor: LedgerStaff } {
    return { id: newId(), at: at.toISOString(), localDate: clinicDateOf(at, this.timeZone), actor };
  }

  async record(entry: LedgerEntry, labels: ReadonlyMap<string, string> = new Map()): Promise<void> {
    const change = unwrapLedger(planEntry(this.state, entry));
    const known = new Set(this.state.containers.keys());
    const moved = change.containers[0]?.lotId ?? null;
    const drawn = entry.kind === 'waste' && entry.source.from === 'draw' ? this.state.draws.get(entry.source.drawEntryId) : undefined;
    await repo.writeChange(this.tx, {
      clinicId: this.clinicId,
      change,
      content: canonicalEntry(entry),
      labels,
      known,
      patientId: entry.kind === 'draw' ? entry.patientId : null,
      lotId: entry.kind === 'receipt' ? entry.lot.id : (moved ?? (drawn ? (this.state.containers.get(drawn.containerId)?.lotId ?? null) : null)),
    });
    this.state = applyChange(this.state, change);
  }
}

/** Seeds the ledger of the demo clinic, if it has none yet. */
export async function seedDemoLedger(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [place] = await tx.select().from(clinic).limit(1);
    if (!place || (await repo.products(tx, place.id)).length > 0) return;
    const people = await cast(tx, place.id);
    if (!people) return;
    const clinicId = place.id;
    const timeZone = place.timeZone;
    const safe = newId();
    const lockbox = newId();
    await repo.insertLocation(tx, { id: safe, clinicId, name: 'Safe A (pharmacy closet)' });
    await repo.insertLocation(tx, { id: lockbox, clinicId, name: 'Procedure room lockbox' });
    const vials = controlledProduct.parse({ id: newId(), substance: 'ketamine hydrochloride', ndc: '0409-2051-05', schedule: 'III', form: 'injection_solution', concentration: { unit: 'mg/mL', hundredths: 10_000 }, containerVolume: { unit: 'mL', microlitres: 10_000 } });
    const troches = controlledProduct.parse({ id: newId(), substance: 'ketamine hydrochloride', ndc: null, schedule: 'III', form: 'troche', strength: { unit: 'mg', hundredths: 10_000 }, unitsPerContainer: 30 });
    for (const product of [vials, troches]) await repo.insertProduct(tx, { clinicId, product, createdBy: people.director.id });
    const ledger = new DemoLedger(tx, clinicId, timeZone, [vials, troches]);
    // Hours are Chicago standard time (UTC-6); in summer the demo day simply starts an hour later.
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 45 * DAY;
    const at = (day: number, hour: number): Date => new Date(midnight + day * DAY + (hour + 6) * 3_600_000);

    // Initial inventory on the first day, before any stock: a zero count (21 CFR 1304.11(b)).
    await insertInventory(tx, {
      id: newId(),
      clinicId,
      kind: 'initial',
      takenOn: clinicDateOf(at(0, 8), timeZone),
      timing: 'opening_of_business',
      locationId: null,
      lines: draftInventory(ledger.state, { kind: 'initial', takenOn: clinicDateOf(at(0, 8), timeZone), timing: 'opening_of_business', locationId: null }).lines,
      signedBy: people.director.id,
      signedByName: people.director.name,
      signedAt: at(0, 8),
    });

    const receive = async (item: ControlledProduct, count: number, lotNumber: string, supplier: typeof SUPPLIER, when: Date): Promise<string[]> => {
      const full = unwrapLedger(amountOfMass(item, containerCapacity(item)));
      const lot = { id: newId(), productId: item.id, lotNumber, expiresOn: addClinicDays(clinicDateOf(when, timeZone), 400), supplier };
      const containers = Array.from({ length: count }, () => ({ containerId: newId(), amount: full }));
      const receiptMeta = ledger.meta(when, people.nurse);
      await ledger.record(
        { ...receiptMeta, kind: 'receipt', lot, locationId: safe, invoiceNumber: `INV-${lotNumber}`, receivedOn: receiptMeta.localDate, containers },
        new Map(containers.map((c, i) => [c.containerId, `${lotNumber} #${i + 1}`] as const)),
      );
      return containers.map((c) => c.containerId);
    };
    const vialIds = await receive(vials, 6, 'KH2291', SUPPLIER, at(1, 10));
    const trocheIds = await receive(troches, 2, 'TR-0412', PHARMACY, at(1, 10.5));

    const count = async (kind: CountKind, when: Date, adjust: (containerId: string, expected: number) => number = (_c, e) => e): Promise<void> => {
      const sheet = countSheet(ledger.state, safe);
      const countedOn = clinicDateOf(when, timeZone);
      const record = {
        id: newId(),
        kind,
        locationId: safe,
        countedOn,
        countedBy: [people.nurse, people.physician] as [LedgerStaff, LedgerStaff],
        lines: sheet.map((line) => ({ containerId: line.containerId, counted: mgOf(adjust(line.containerId, line.expected.hundredths)), estimated: false })),
      };
      const compared = unwrapLedger(compareCount(sheet, record, { countToleranceMg: '0' }));
      const drafts = discrepancyDrafts(compared, { countId: record.id, foundOn: countedOn }).map((d) => ({ ...d, id: newId() }));
      await insertCount(
        tx,
        { id: record.id, clinicId, kind, locationId: safe, countedOn, countedAt: when, firstCounterId: people.nurse.id, secondCounterId: people.physician.id, lines: compared.lines.map(storedLine) },
        drafts,
      );
      for (const draft of drafts) {
        await insertResolution(tx, { discrepancyId: draft.id, resolution: 'explained', reason: 'Residual left in the vial septum after the last draw; within the week the next count matched', adjustmentEntryId: null, lossEntryId: null, resolvedBy: people.physician.id, resolvedAt: new Date(when.getTime() + 3_600_000) });
      }
    };

    let patientTurn = 0;
    let vialTurn = 0;
    let foundShort: boolean = false;
    for (let day = 2; day < 45; day += 1) {
      const date = clinicDateOf(at(day, 9), timeZone);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (isWeekendDate(date) || (weekday !== 2 && weekday !== 4)) continue;
      await count('start_of_day', at(day, 8));
      for (let session = 0; session < 3; session += 1) {
        const patientId = people.patients[patientTurn % people.patients.length] ?? '';
        patientTurn += 1;
        const sessionId = newId();
        const when = at(day, 9 + session * 2);
        if (session === 2) {
          // Sublingual: two 100 mg troches, given in full.
          const bottle = trocheIds.find((id) => (ledger.state.containers.get(id)?.balance.hundredths ?? 0) >= 20_000);
          if (!bottle) continue;
          await ledger.record({ ...ledger.meta(when, people.nurse), kind: 'draw', containerId: bottle, locationId: safe, amount: { mass: mgOf(20_000), volume: null }, medicineSessionId: sessionId, administrationId: newId(), patientId });
          continue;
        }
        // Intramuscular: 0.6 mL drawn, 0.5 mL (50 mg) given, 0.1 mL wasted in front of the physician.
        const vial = vialIds.slice(vialTurn).find((id) => (ledger.state.containers.get(id)?.balance.hundredths ?? 0) >= 6_000);
        if (!vial) continue;
        vialTurn = vialIds.indexOf(vial);
        const drawMeta = ledger.meta(when, people.nurse);
        await ledger.record({ ...drawMeta, kind: 'draw', containerId: vial, locationId: safe, amount: { mass: mgOf(6_000), volume: { unit: 'mL', microlitres: 600 } }, medicineSessionId: sessionId, administrationId: newId(), patientId });
        await ledger.record({
          ...ledger.meta(new Date(when.getTime() + 50 * 60_000), people.nurse),
          kind: 'waste',
          source: { from: 'draw', drawEntryId: drawMeta.id },
          amount: { mass: mgOf(1_000), volume: { unit: 'mL', microlitres: 100 } },
          method: 'denaturing_container',
          witness: people.physician,
        });
      }
      const shortDay: boolean = !foundShort && day >= 30;
      foundShort ||= shortDay;
      await count('end_of_day', at(day, 17), (containerId, expected) => (shortDay && containerId === vialIds[vialTurn] ? expected - 200 : expected));
    }
    // The lockbox keeps one sealed vial for the procedure room.
    const spare = vialIds.at(-1);
    const spareState = spare ? ledger.state.containers.get(spare) : undefined;
    if (spare && spareState && spareState.balance.hundredths > 0) {
      await ledger.record({ ...ledger.meta(at(44, 12), people.nurse), kind: 'transfer', containerId: spare, fromLocationId: safe, toLocationId: lockbox, amount: unwrapLedger(amountOfMass(vials, spareState.balance)) });
    }
  });
}
