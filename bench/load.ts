import autocannon from 'autocannon';

/** Throughput and latency of one route under steady load. */
export interface LoadResult {
  readonly rps: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly requests: number;
}

export interface LoadOptions {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
}

/** Bench settings from the environment: BENCH_CONNECTIONS, BENCH_WARMUP, BENCH_DURATION. */
export function loadOptionsFrom(env: NodeJS.ProcessEnv): LoadOptions {
  const number = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
  };
  return { connections: number('BENCH_CONNECTIONS', 10), warmupSeconds: number('BENCH_WARMUP', 1), durationSeconds: number('BENCH_DURATION', 5) };
}

async function fire(url: string, headers: Readonly<Record<string, string>>, connections: number, seconds: number): Promise<autocannon.Result> {
  // One worker thread fires the requests, so the load generator does not share the event loop of
  // the server it measures (both run in this process).
  const result = await autocannon({ url, headers: { ...headers }, connections, duration: seconds, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors out of ${result.requests.total}`);
  }
  return result;
}

/** Loads the route for the warm-up time (JIT, connection pool, caches), discarding the numbers. */
export async function warmUp(url: string, headers: Readonly<Record<string, string>>, options: LoadOptions): Promise<void> {
  await fire(url, headers, options.connections, options.warmupSeconds);
}

/** Measures the route under `connections` concurrent clients; fails loudly if any response was not a 2xx. */
export async function measure(url: string, headers: Readonly<Record<string, string>>, options: LoadOptions): Promise<LoadResult> {
  const result = await fire(url, headers, options.connections, options.durationSeconds);
  return {
    rps: Math.round(result.requests.total / result.duration),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
  };
}
