/**
 * Interval algebra on integer epoch minutes. An `IntervalSet` is sorted, half-open `[start, end)`,
 * non-empty, disjoint and non-adjacent (touching intervals are merged), so "does [a, b) fit" is one
 * binary search. Every operation is linear in its inputs.
 */
export type Interval = readonly [start: number, end: number];
export type IntervalSet = readonly Interval[];

/** Sorts and merges any list of intervals into a set (empty intervals are dropped). */
export function normalize(list: readonly Interval[]): IntervalSet {
  const sorted = list.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) {
      if (end > last[1]) last[1] = end;
    } else {
      out.push([start, end]);
    }
  }
  return out;
}

/** Points in either set. */
export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalize([...a, ...b]);
}

/** Points in every set (an empty list of sets gives `everything`). */
export function intersectAll(sets: readonly IntervalSet[], everything: IntervalSet): IntervalSet {
  let result = everything;
  for (const set of sets) {
    if (result.length === 0) break;
    result = intersect(result, set);
  }
  return result;
}

/** Points in both sets. */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i] as Interval;
    const [bs, be] = b[j] as Interval;
    const start = Math.max(as, bs);
    const end = Math.min(ae, be);
    if (end > start) out.push([start, end]);
    if (ae < be) i++;
    else j++;
  }
  return out;
}

/** Points in `a` but not in `b`. */
export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (b.length === 0) return a;
  const out: Interval[] = [];
  let j = 0;
  for (const [start, end] of a) {
    let cursor = start;
    while (j < b.length && (b[j] as Interval)[1] <= cursor) j++;
    let k = j;
    while (k < b.length && (b[k] as Interval)[0] < end) {
      const [bs, be] = b[k] as Interval;
      if (bs > cursor) out.push([cursor, bs]);
      cursor = Math.max(cursor, be);
      if (cursor >= end) break;
      k++;
    }
    if (cursor < end) out.push([cursor, end]);
  }
  return out;
}

/** The part of `set` inside `[from, to)`, found by binary search. */
export function clip(set: IntervalSet, from: number, to: number): IntervalSet {
  const out: Interval[] = [];
  for (let i = firstEndingAfter(set, from); i < set.length; i++) {
    const [start, end] = set[i] as Interval;
    if (start >= to) break;
    out.push([Math.max(start, from), Math.min(end, to)]);
  }
  return out;
}

/** True when `[from, to)` lies inside one interval of `set`. */
export function covers(set: IntervalSet, from: number, to: number): boolean {
  const hit = set[firstEndingAfter(set, from)];
  return hit !== undefined && hit[0] <= from && hit[1] >= to;
}

/** True when `[from, to)` shares a point with `set`. */
export function overlaps(set: IntervalSet, from: number, to: number): boolean {
  const hit = set[firstEndingAfter(set, from)];
  return hit !== undefined && hit[0] < to;
}

/** True when `point` is in `set`. */
export function containsPoint(set: IntervalSet, point: number): boolean {
  return covers(set, point, point + 1);
}

/**
 * Starts `t` for which `[t - before, t + after)` fits inside `free`, as a set of starts
 * (half-open, so the last start of each interval is `end - after`).
 */
export function fittingStarts(free: IntervalSet, before: number, after: number): IntervalSet {
  const out: Interval[] = [];
  for (const [start, end] of free) {
    const first = start + before;
    const last = end - after;
    if (last >= first) out.push([first, last + 1]);
  }
  return out;
}

/** Index of the first interval whose end is after `point` (set.length when none). */
function firstEndingAfter(set: IntervalSet, point: number): number {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((set[mid] as Interval)[1] <= point) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Points in any of the sets. */
export function unionAll(sets: readonly IntervalSet[]): IntervalSet {
  if (sets.length === 1) return sets[0] as IntervalSet;
  return normalize(sets.flat());
}
