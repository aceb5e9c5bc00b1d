/** How much load each scenario applies: the full run for BENCHMARKS.md, or a smoke run that only proves the harness works. */
export interface BenchSettings {
  smoke: boolean;
  /** Runs per figure; each figure is the median over them. */
  runs: number;
  /** Seconds per load run. */
  durationS: number;
  /** Seconds of unmeasured load per target before its runs. */
  warmupS: number;
  overhead: { connections: number };
  fanOut: { connections: number; latencyMs: number };
  /** Timed repetitions of each batching query. */
  batching: { repeats: number };
  paging: { small: number; large: number; first: number };
  xml: { connections: number };
  subscriptions: {
    subscribers: number;
    /** Subscriptions multiplexed on one WebSocket (graphql-ws runs many operations per socket). */
    perSocket: number;
    /** The sandbox's import time: long enough for every subscriber to be in place before it completes. */
    importMs: number;
  };
}

export const FULL: BenchSettings = {
  smoke: false,
  runs: 3,
  durationS: 8,
  warmupS: 3,
  overhead: { connections: 8 },
  fanOut: { connections: 4, latencyMs: 100 },
  batching: { repeats: 5 },
  paging: { small: 10_000, large: 100_000, first: 500 },
  xml: { connections: 1 },
  subscriptions: { subscribers: 10_000, perSocket: 20, importMs: 20_000 },
};

export const SMOKE: BenchSettings = {
  smoke: true,
  runs: 1,
  durationS: 1,
  warmupS: 0,
  overhead: { connections: 4 },
  fanOut: { connections: 2, latencyMs: 100 },
  batching: { repeats: 1 },
  paging: { small: 1_000, large: 2_000, first: 500 },
  xml: { connections: 1 },
  subscriptions: { subscribers: 50, perSocket: 5, importMs: 2_000 },
};
