/**
 * Jest's test order (jest.config.js `testSequencer`): jest's own, except that among test
 * files it has no timings for (every file on a clean clone), those that wait on other
 * processes (a spawned gateway, a Redis of their own, Chromium, a compiler) go first.
 * They take the longest by the clock while using little of jest's CPU, so started first
 * they overlap the CPU-bound files instead of running alone at the end; by file size
 * alone, compiled-start.test.ts started 40 s into the run and ended it 30 s later.
 * Plain JavaScript: jest requires it without transforming it.
 */
'use strict';

const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const WAITS_ON_PROCESSES = /\b(spawn|spawnSync|spawnGateway|startRedisServer|chromium)\b/;

class ProcessesFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const waits = new Map();
    const waitsOnProcesses = (test) => {
      if (!waits.has(test.path)) {
        waits.set(test.path, test.duration == null && WAITS_ON_PROCESSES.test(readFileSync(test.path, 'utf8')));
      }
      return waits.get(test.path);
    };
    // Stable: jest's order within each group.
    return [...sorted.filter(waitsOnProcesses), ...sorted.filter((test) => !waitsOnProcesses(test))];
  }
}

module.exports = ProcessesFirstSequencer;
