import autocannon from 'autocannon';

import { median } from './numbers';

export interface LoadTarget {
  /** Name in the figures, e.g. `gateway`. */
  name: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadRun {
  requestsPerSecond: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
}

/** The median of each figure over several runs. */
export type LoadFigures = LoadRun & { runs: LoadRun[] };

export interface LoadOptions {
  connections: number;
  durationS: number;
  runs: number;
  /** Seconds of load before measuring, per target, to warm the JIT and the connection pools. */
  warmupS: number;
  /** Called once between the warm-up and the measured runs, e.g. to read counters. */
  afterWarmup?: () => Promise<void>;
  /** Called around each measured run of a target. */
  beforeRun?: (name: string) => Promise<void>;
  afterRun?: (name: string) => Promise<void>;
}

/** One autocannon run; any non-2xx answer or socket error fails it. */
export async function loadOnce(target: LoadTarget, connections: number, durationS: number): Promise<LoadRun> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    connections,
    duration: durationS,
    pipelining: 1,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0 || result.requests.total === 0) {
    throw new Error(
      `${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts in ${result.requests.total} requests`,
    );
  }
  return {
    requestsPerSecond: result.requests.total / durationS,
    latencyMeanMs: result.latency.mean,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}

/**
 * Warms every target, then runs them interleaved (a b c a b c …) so that drift on a
 * shared machine spreads over all of them, and takes each figure's median over the runs.
 */
export async function compareLoad(targets: LoadTarget[], options: LoadOptions): Promise<Map<string, LoadFigures>> {
  for (const target of targets) {
    if (options.warmupS > 0) {
      await loadOnce(target, options.connections, options.warmupS);
    }
  }
  await options.afterWarmup?.();
  const runs = new Map<string, LoadRun[]>(targets.map((t) => [t.name, []]));
  for (let run = 0; run < options.runs; run += 1) {
    for (const target of targets) {
      await options.beforeRun?.(target.name);
      runs.get(target.name)!.push(await loadOnce(target, options.connections, options.durationS));
      await options.afterRun?.(target.name);
    }
  }
  return new Map(
    [...runs].map(([name, list]) => [
      name,
      {
        requestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
        latencyMeanMs: median(list.map((r) => r.latencyMeanMs)),
        latencyP50Ms: median(list.map((r) => r.latencyP50Ms)),
        latencyP99Ms: median(list.map((r) => r.latencyP99Ms)),
        requests: median(list.map((r) => r.requests)),
        runs: list,
      },
    ]),
  );
}
