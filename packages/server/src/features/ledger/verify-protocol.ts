import { channelTo, siblingWorker } from '../../platform/workers.js';

/**
 * How `lantern ledger verify` talks to its replay (verify-replay.ts): the shapes that travel and the
 * two ways to run it, here or on a worker thread. Nothing here loads the core rules, so the main
 * thread of a large verify never loads them; the worker does.
 */

/** Unit separator: joins a row's indexed columns into one field (a million rows travel far faster so). */
export const SEP = String.fromCharCode(31);

/** What the replay starts from: each clinic's products, and whether the table keeps entry ids unique. */
export interface ReplaySetup {
  readonly products: ReadonlyArray<{ readonly clinicId: string; readonly body: unknown }>;
  /** A unique index on `ledger_entry.id` guarantees no two rows share an id (see `planEntry`'s option). */
  readonly idsKnownUnique: boolean;
}

/** The first row of a batch that does not fit, by its index in the batch. */
export interface RowFault {
  readonly index: number;
  readonly reason: string;
}

/** A container row as the database holds it. */
export interface StoredContainer {
  readonly id: string;
  readonly clinicId: string;
  readonly label: string;
  readonly balanceHundredths: number;
  readonly locationId: string;
}

/** 2^31 - 1: each weighted term stays below 2^51, so the JavaScript sums are exact. */
export const CHECK_PRIME = 2_147_483_647;

/** A count of open draws and, per quantity, a sum weighted by each draw's id, modulo CHECK_PRIME. */
export interface DrawChecksum {
  readonly count: number;
  readonly amount: number;
  readonly wasted: number;
  readonly returned: number;
}

export interface ReplayCheck {
  /**
   * Checks and replays the next rows, in chain order. `columns[i]` is row i's indexed columns,
   * SEP-joined: id, clinic, kind, at (canonical ISO), local date, actor, witness, container, patient,
   * reversed entry (absent ones empty); `contents[i]` its canonical record. Null when all fit.
   */
  rows(columns: readonly string[], contents: readonly string[]): RowFault | null;
  /** The first container whose stored balance or location differs from the replayed one. */
  containers(rows: readonly StoredContainer[]): string | null;
  /** The replayed open draws' checksum, to compare with the database's. */
  drawChecksum(): DrawChecksum;
  /** The first of these open draw rows (SEP-joined: entry id, clinic, amount, wasted, returned) the replay disagrees with. */
  drawLines(lines: readonly string[]): string | null;
}

/** A `ReplayCheck` request, as it travels to the worker. */
export type ReplayRequest =
  | { readonly type: 'rows'; readonly columns: readonly string[]; readonly contents: readonly string[] }
  | { readonly type: 'containers'; readonly rows: readonly StoredContainer[] }
  | { readonly type: 'drawChecksum' }
  | { readonly type: 'drawLines'; readonly lines: readonly string[] };

/** `ReplayCheck` answered by a worker thread; requests are answered in the order they are sent. */
export type AsyncReplayCheck = { readonly [K in keyof ReplayCheck]: (...args: Parameters<ReplayCheck[K]>) => Promise<ReturnType<ReplayCheck[K]>> } & {
  close(): Promise<void>;
};

/**
 * The young generation of the replay worker. Each batch's parsed records die young while the replayed
 * state (every open draw) grows; with V8's default the batches in flight are promoted and collected
 * as old garbage, which cost a third of the run.
 */
const YOUNG_GENERATION_MB = 96;

/** The replay on this thread (a small ledger: starting a worker would cost more than it saves). */
export async function replayHere(setup: ReplaySetup): Promise<AsyncReplayCheck> {
  const { replayCheck } = await import('./verify-replay.js');
  const check = replayCheck(setup);
  return {
    rows: async (columns, contents) => check.rows(columns, contents),
    containers: async (rows) => check.containers(rows),
    drawChecksum: async () => check.drawChecksum(),
    drawLines: async (lines) => check.drawLines(lines),
    close: async () => undefined,
  };
}

/** The replay on a worker thread of its own, so reading and hashing the next rows go on meanwhile. */
export function replayInWorker(setup: ReplaySetup): AsyncReplayCheck {
  const worker = siblingWorker(import.meta.url, 'verify-replay-worker', { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const channel = channelTo<ReplayRequest, unknown>(worker);
  const ask = <T>(request: ReplayRequest): Promise<T> => channel.request(request) as Promise<T>;
  return {
    rows: (columns, contents) => ask({ type: 'rows', columns, contents }),
    containers: (rows) => ask({ type: 'containers', rows }),
    drawChecksum: () => ask({ type: 'drawChecksum' }),
    drawLines: (lines) => ask({ type: 'drawLines', lines }),
    close: () => channel.close(),
  };
}
