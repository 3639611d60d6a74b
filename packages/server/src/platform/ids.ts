import { v7 } from 'uuid';

/** Row ids are UUIDv7 (RFC 9562 §5.7): time-ordered, so indexes stay compact. */
export function newId(): string {
  return v7();
}

/** A source of "now"; injected so rules and tests run on a frozen clock. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
