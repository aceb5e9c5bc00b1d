/** @type {import('jest').Config} */
module.exports = {
  // Node's, with a worker's test files sharing one context and its modules (see the file).
  testEnvironment: '<rootDir>/test/support/jest-environment.js',
  // The sandbox package's source, not its build (packages/sandbox/package.json, exports).
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', '@banking-gateway/source'] },
  roots: ['<rootDir>/test', '<rootDir>/packages/sandbox/test'],
  testMatch: ['**/*.test.ts'],
  // The benchmark harness's smoke run is a CI step of its own (`npm run bench:smoke`).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bench/'],
  // Types are checked once by `tsc` in `npm test`; jest only transpiles, each file alone
  // (tsconfig.json's isolatedModules is what tells ts-jest to).
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  // Jest's runtime, a worker's test files sharing the modules they load (see the file).
  runtime: '<rootDir>/test/support/jest-runtime.js',
  // Test files that wait on other processes first, when jest has no timings (see the file).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Compiles what test files share once, before the workers start (see the file).
  globalSetup: '<rootDir>/test/support/warm-caches.ts',
  testTimeout: 30000,
  // More workers than the machine's 2 cores: many suites spend much of their time waiting
  // on sockets, child processes, Redis and Chromium, and the other workers use the cores
  // meanwhile (with 2 workers the cores were idle a third of the run). Each worker loads
  // the gateway and jest's own modules once for all its test files, so a worker more costs
  // CPU too. Measured on a clean clone, `npm test` with every cache cold, alternated over
  // ten rounds while the machine's speed drifted: 4 workers 47.1 to 57.7 s, 3 workers 50.2
  // to 57.2 s, 0.7 s apart on average (4 ahead while the machine was fast, 3 once it was
  // slower), and 4 workers used 8 % more CPU (105 against 97 s) and ended with the type
  // check still running. 5 workers: 50.5 and 50.5 s against 47.1 and 49.9 s with 4.
  maxWorkers: 3,
};
