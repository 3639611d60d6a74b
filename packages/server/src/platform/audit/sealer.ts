import type { Db } from '../db/index.js';
import { sealPendingAudit } from './chain.js';

/**
 * Runs the sealing batches of the audit chain (see `sealPendingAudit`): every `everyMs` while the
 * server runs, and once more when it stops, so no committed row waits long for its place. Several
 * server processes may each run one; the chain head's row lock puts their batches in order.
 */
export class AuditSealer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
    private readonly everyMs = 250,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sealNow(), this.everyMs);
    this.timer.unref();
  }

  /** Seals what is pending now; a call while a batch runs waits for that batch. */
  sealNow(): Promise<void> {
    this.running ??= sealPendingAudit(this.db)
      .then(() => undefined, this.onError)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.sealNow();
  }
}
