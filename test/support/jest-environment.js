/**
 * Jest's Node environment (jest.config.js `testEnvironment`), with the test files a worker
 * runs sharing one V8 context, in which they share the modules they load (jest-runtime.js
 * says why). Each test file still gets its own fake timers, mocks and console; a file's
 * fake timers are undone when it ends. Watch mode keeps jest's own behaviour, a context per
 * test file, so that an edited file is loaded anew.
 * Plain JavaScript: jest requires it without transforming it.
 */
'use strict';

const { TestEnvironment } = require('jest-environment-node');

const fromEnvironment = (id) => require(require.resolve(id, { paths: [require.resolve('jest-environment-node')] }));
const { LegacyFakeTimers, ModernFakeTimers } = fromEnvironment('@jest/fake-timers');
const { ModuleMocker } = fromEnvironment('jest-mock');

/** The first test file's context and global, which the worker's later files run in. */
let worker = null;

class WorkerContextEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    /** Read by jest-runtime.js: modules are shared only among files that share a context. */
    this.sharesContext = !(config.globalConfig.watch || config.globalConfig.watchAll);
    if (!this.sharesContext) {
      return;
    }
    if (worker === null) {
      worker = { context: this.context, global: this.global };
      return;
    }
    // The context jest-environment-node just made is left unused; what it bound to it
    // (mocks, fake timers) is made again for the worker's.
    this.context = worker.context;
    this.global = worker.global;
    const { projectConfig } = config;
    this.moduleMocker = new ModuleMocker(this.global);
    this.fakeTimers = new LegacyFakeTimers({
      config: projectConfig,
      global: this.global,
      moduleMocker: this.moduleMocker,
      timerConfig: {
        idToRef: (id) => ({
          id,
          ref() {
            return this;
          },
          unref() {
            return this;
          },
        }),
        refToId: (timer) => timer?.id,
      },
    });
    this.fakeTimersModern = new ModernFakeTimers({ config: projectConfig, global: this.global });
  }

  async teardown() {
    if (!this.sharesContext) {
      return super.teardown();
    }
    // Real timers back for the next test file; the context stays, its modules live on.
    this.fakeTimers?.dispose();
    this.fakeTimersModern?.dispose();
    this.fakeTimers = null;
    this.fakeTimersModern = null;
  }
}

module.exports = WorkerContextEnvironment;
