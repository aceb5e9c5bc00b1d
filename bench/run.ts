import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { batchingScenario } from './scenarios/batching';
import { fanOutScenario } from './scenarios/fan-out';
import { overheadScenario } from './scenarios/overhead';
import { pagingScenario } from './scenarios/paging';
import { subscriptionsScenario } from './scenarios/subscriptions';
import { tanScenario } from './scenarios/tan';
import { xmlScenario } from './scenarios/xml';
import { startStack, type BenchContext } from './support/bench-context';
import { startServerProcess, type ServerProcess } from './support/processes';
import { machine, markdownReport, textTable, type ScenarioResult } from './support/report';
import { FULL, SMOKE, type BenchSettings } from './support/settings';

export interface BenchOptions {
  settings: BenchSettings;
  /** Where the Markdown report goes. */
  out: string;
  /** Scenario numbers to run; all when absent. */
  only?: number[];
  /** Write a V8 CPU profile of every gateway and baseline process here. */
  cpuProfileDir?: string;
  log?: (line: string) => void;
}

export interface BenchOutcome {
  results: ScenarioResult[];
  /** Scenarios that threw: their results carry the reason as a note and no figures. */
  failed: number[];
  report: string;
}

type Stack = { sandbox: ServerProcess; gateway: ServerProcess };

interface Scenario {
  id: number;
  title: string;
  /** Runs on the shared sandbox and gateway; the others start their own. */
  shared: boolean;
  run(ctx: BenchContext, stack: Stack): Promise<ScenarioResult>;
}

// In running order: the transfers of 7 change alice's Kontist data, so it runs after 3;
// 6 runs last (its schema is the newest).
const SCENARIOS: Scenario[] = [
  { id: 1, title: 'Gateway overhead', shared: true, run: overheadScenario },
  { id: 2, title: 'Fan-out', shared: true, run: fanOutScenario },
  { id: 3, title: 'Batching', shared: true, run: batchingScenario },
  { id: 4, title: 'Paging a large account', shared: false, run: (ctx) => pagingScenario(ctx) },
  { id: 5, title: 'Bankimport XML against JSON', shared: true, run: xmlScenario },
  { id: 7, title: 'TAN round trips', shared: true, run: tanScenario },
  { id: 6, title: 'Subscriptions', shared: false, run: (ctx) => subscriptionsScenario(ctx) },
];

/** Runs the scenarios, writes the report to `options.out`, and returns the figures. */
export async function runBenchmarks(options: BenchOptions): Promise<BenchOutcome> {
  const { settings } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const startedAt = new Date();
  const logDir = path.join(os.tmpdir(), 'banking-gateway-bench', startedAt.toISOString().replace(/[:.]/g, '-'));
  log(`child process logs: ${logDir}`);

  const running = new Set<ServerProcess>();
  const ctx: BenchContext = {
    settings,
    log,
    async start(spec) {
      const child = await startServerProcess(spec, { logDir, cpuProfileDir: options.cpuProfileDir });
      running.add(child);
      return {
        ...child,
        stop: async () => {
          running.delete(child);
          await child.stop();
        },
      };
    },
  };

  const chosen = SCENARIOS.filter((s) => !options.only || options.only.includes(s.id));
  const results: ScenarioResult[] = [];
  const failed: number[] = [];
  let stack: Stack | undefined;
  try {
    for (const scenario of chosen) {
      log(`${scenario.id}. ${scenario.title} …`);
      const started = performance.now();
      try {
        if (scenario.shared) {
          stack ??= await startStack(ctx);
        }
        results.push(await scenario.run(ctx, stack as Stack));
      } catch (error) {
        failed.push(scenario.id);
        const reason = error instanceof Error ? error.message : String(error);
        log(`${scenario.id}. ${scenario.title} FAILED: ${reason}`);
        results.push({ id: scenario.id, title: scenario.title, figures: [], notes: [`NOT MEASURED: ${reason}`] });
      }
      log(`${scenario.id}. done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await Promise.all([...running].map((child) => child.stop()));
  }

  results.sort((a, b) => a.id - b.id);
  const analysisFile = path.join(__dirname, 'ANALYSIS.md');
  const report = markdownReport({
    results,
    settings,
    machine: machine(),
    startedAt,
    elapsedS: (Date.now() - startedAt.getTime()) / 1000,
    analysis: !settings.smoke && existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : undefined,
  });
  writeFileSync(options.out, report);
  log('');
  log(textTable(results));
  log('');
  log(`report written to ${options.out}`);
  return { results, failed, report };
}

if (require.main === module) {
  const env = process.env;
  const base = env.BENCH_SMOKE === '1' ? SMOKE : FULL;
  runBenchmarks({
    settings: {
      ...base,
      runs: Number(env.BENCH_RUNS ?? base.runs),
      durationS: Number(env.BENCH_DURATION_S ?? base.durationS),
      warmupS: Number(env.BENCH_WARMUP_S ?? base.warmupS),
    },
    out:
      env.BENCH_OUT ??
      (env.BENCH_SMOKE === '1'
        ? path.join(os.tmpdir(), 'BENCHMARKS.smoke.md')
        : path.join(__dirname, '..', 'BENCHMARKS.md')),
    only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map(Number) : undefined,
    cpuProfileDir: env.BENCH_PROFILE || undefined,
  }).then(
    ({ failed }) => {
      process.exitCode = failed.length ? 1 : 0;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
