import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runBenchmarks, type BenchOutcome } from '../../bench/run';
import { SMOKE } from '../../bench/support/settings';

// The whole harness with tiny durations and counts: it proves every scenario still runs
// and yields its figures; the figures themselves mean nothing here, so none is checked.
describe('npm run bench, in smoke mode', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
  const out = path.join(dir, 'BENCHMARKS.md');
  let outcome: BenchOutcome;

  beforeAll(async () => {
    outcome = await runBenchmarks({ settings: SMOKE, out, log: () => undefined });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every scenario without a failure', () => {
    expect(outcome.failed).toEqual([]);
    expect(outcome.results.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it.each([
    [1, ['CPU per request', 'CPU per request, tracing on', 'throughput', 'p99 latency', 'throughput']],
    [2, ['mean latency, 2 providers', 'p99 latency, 2 providers']],
    [3, ['upstream calls, feed of 500', 'upstream calls, account page of 500']],
    [4, ['paging throughput, 2,000 tx', 'gateway peak RSS, 2,000 tx']],
    [5, ['mean latency, 1,000 tx from XML', 'gateway CPU per request, XML']],
    [
      6,
      [
        'subscribers told COMPLETED',
        'upstream status polls, 50 subscribers',
        'gateway RSS per subscriber',
        'gateway RSS per subscriber, WebSocket',
        'gateway RSS per subscriber, SSE',
      ],
    ],
    [7, ['create + confirm, mean per pair', "gateway's share per pair"]],
  ])('gives scenario %i its figures as numbers', (id, measures) => {
    const scenario = outcome.results.find((r) => r.id === id)!;
    for (const measure of measures) {
      const figures = scenario.figures.filter((f) => f.measure === measure);
      expect(figures.length).toBeGreaterThan(0);
      for (const figure of figures) {
        expect(Number.isFinite(figure.value)).toBe(true);
        if (figure.baseline) {
          expect(Number.isFinite(figure.baseline.value)).toBe(true);
          expect(Number.isFinite(figure.ratio)).toBe(true);
        }
      }
    }
  });

  it('writes every figure into the report file it was given', () => {
    const report = readFileSync(out, 'utf8');
    expect(report).toContain('SMOKE run');
    for (const scenario of outcome.results) {
      expect(report).toContain(`### ${scenario.id}. ${scenario.title}`);
      for (const figure of scenario.figures) {
        expect(report).toContain(`| ${scenario.id} | ${figure.measure} |`);
      }
    }
  });
});
