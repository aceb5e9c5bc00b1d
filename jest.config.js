/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The benchmark harness's smoke run is a CI step of its own (`npm run bench:smoke`).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bench/'],
  // Types are checked once by `tsc` in `npm test`; jest only transpiles.
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
