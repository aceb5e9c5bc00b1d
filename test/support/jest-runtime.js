/**
 * Jest's module runtime (jest.config.js `runtime`), with a worker's test files sharing the
 * modules they load, as Vitest's `isolate: false` does: the gateway, the sandbox and their
 * ~1,300 modules are loaded once per worker instead of once per test file. They run in the
 * one context the worker's test files share (jest-environment.js); without it, as in watch
 * mode, this is jest's own runtime.
 *
 * Why: loading them again cost each gateway test file ≈0.45 s of CPU (reading and hashing
 * the files, compiling and evaluating them, V8 warming up the fresh copies), measured over
 * 20 such files in one worker: 12.0 s of CPU before, 4.4 s after. The suites need nothing
 * per file from a module: nothing is mocked per module, every gateway, sandbox, store and
 * logger is an instance a test makes; spies and fake timers are undone per file as before.
 *
 * Jest's own modules that a test file loads (expect, pretty-format, jest-snapshot,
 * source-map-support, …) are shared too, jest-circus's aside: it keeps the running file's
 * state in its modules, so each test file gets new ones, as before. Shared, the others
 * are not read and evaluated again per file, and source-map-support keeps the source maps
 * it parsed (graphql-js reads the stack of every error a resolver throws, supertest takes
 * one per expect()): 84 test files that start no process, in one process, 27.1 → 22.2 s of CPU.
 * Plain JavaScript: jest requires it without transforming it.
 */
'use strict';

const Runtime = require('jest-runtime').default;

/** Jest's modules that hold the state of the test file being run. */
const PER_FILE_INTERNAL = '/node_modules/jest-circus/';

/** The registries of the worker's first test file, which its later test files share. */
let worker = null;

class WorkerSharedRuntime extends Runtime {
  constructor(config, environment, resolver, transformer, cacheFS, coverageOptions, testPath, globalConfig) {
    super(config, environment, resolver, transformer, cacheFS, coverageOptions, testPath, globalConfig);
    this.sharesModules = environment.sharesContext === true;
    if (!this.sharesModules) {
      return;
    }
    if (worker === null) {
      worker = {
        moduleRegistry: this._moduleRegistry,
        sourceMapRegistry: this._sourceMapRegistry,
        fileTransforms: this._fileTransforms,
        internalModuleRegistry: this._internalModuleRegistry,
      };
    } else {
      this._moduleRegistry = worker.moduleRegistry;
      // For stack traces through modules an earlier test file loaded.
      this._sourceMapRegistry = worker.sourceMapRegistry;
      this._fileTransforms = worker.fileTransforms;
      this._internalModuleRegistry = worker.internalModuleRegistry;
    }
  }

  /**
   * A test file's own mocks go, and the test file, the set-up files and jest-circus's
   * modules, which jest runs for each test file; the modules they loaded stay for the
   * worker's next test files, and this runtime stays usable: a module it loaded may
   * require another one later.
   */
  teardown() {
    if (!this.sharesModules) {
      return super.teardown();
    }
    for (const path of [this._testPath, ...this._config.setupFiles, ...this._config.setupFilesAfterEnv]) {
      this._moduleRegistry.delete(path);
    }
    for (const path of this._internalModuleRegistry.keys()) {
      if (path.includes(PER_FILE_INTERNAL)) {
        this._internalModuleRegistry.delete(path);
      }
    }
    this.restoreAllMocks();
    this._mockRegistry.clear();
    this._moduleMockRegistry.clear();
    this._mockFactories.clear();
    this._moduleMockFactories.clear();
    this._explicitShouldMock.clear();
    this._explicitShouldMockModule.clear();
    this._virtualMocks.clear();
    this._virtualModuleMocks.clear();
    this._cacheFS.clear();
  }
}

module.exports = WorkerSharedRuntime;
