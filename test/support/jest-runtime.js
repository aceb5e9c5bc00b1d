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
 * Plain JavaScript: jest requires it without transforming it.
 */
'use strict';

const Runtime = require('jest-runtime').default;

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
      };
    } else {
      this._moduleRegistry = worker.moduleRegistry;
      // For stack traces through modules an earlier test file loaded.
      this._sourceMapRegistry = worker.sourceMapRegistry;
      this._fileTransforms = worker.fileTransforms;
    }
  }

  /**
   * A test file's own mocks go, and the test file and the set-up files, which jest runs
   * for each test file; the modules they loaded stay for the worker's next test files, and
   * this runtime stays usable: a module it loaded may require another one later.
   */
  teardown() {
    if (!this.sharesModules) {
      return super.teardown();
    }
    for (const path of [this._testPath, ...this._config.setupFiles, ...this._config.setupFilesAfterEnv]) {
      this._moduleRegistry.delete(path);
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
