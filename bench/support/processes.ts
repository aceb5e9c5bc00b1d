import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';

import { sandboxVariables } from '@banking-gateway/sandbox';

import type { ChildMessage, Usage, ParentMessage, ServerSpec } from './server-spec';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  /** Memory and CPU time of the process, asked over IPC. */
  usage(options?: { gc?: boolean; resetPeak?: boolean }): Promise<Usage>;
  /** Stops the server and waits for the process to exit (and write its CPU profile). */
  stop(): Promise<void>;
}

export interface ProcessOptions {
  /** Where the child's stdout and stderr go, one file per process. */
  logDir: string;
  /** Write a V8 CPU profile here on exit (`node --cpu-prof`). */
  cpuProfileDir?: string;
}

const ENTRY = path.join(__dirname, 'server-process.ts');
const STARTUP_MS = 60_000;
let started = 0;

/** A gateway's spec with the variables that point it at its sandbox: URLs and the keys the sandbox accepts. */
function withSandboxEnv(spec: ServerSpec): ServerSpec {
  if (spec.role !== 'gateway') {
    return spec;
  }
  return { ...spec, env: { ...spec.env, ...sandboxVariables(spec.sandboxUrl) } };
}

/** Forks `server-process.ts` under ts-node (transpile only, as `npm start`) and waits for its URL. */
export async function startServerProcess(spec: ServerSpec, options: ProcessOptions): Promise<ServerProcess> {
  mkdirSync(options.logDir, { recursive: true });
  started += 1;
  const logFile = path.join(options.logDir, `${String(started).padStart(2, '0')}-${spec.role}.log`);
  const log = openSync(logFile, 'w');
  // The sandbox package's TypeScript source, as `npm start` loads it (packages/sandbox/package.json, exports).
  const execArgv = [
    '--conditions=@banking-gateway/source',
    '-r',
    require.resolve('ts-node/register/transpile-only'),
    '--expose-gc',
  ];
  if (options.cpuProfileDir && spec.role !== 'sandbox') {
    execArgv.push(
      '--cpu-prof',
      `--cpu-prof-dir=${options.cpuProfileDir}`,
      `--cpu-prof-name=${spec.role}-${started}.cpuprofile`,
    );
  }
  const child = fork(ENTRY, [], {
    cwd: path.join(__dirname, '..', '..'),
    execArgv,
    env: { ...process.env, BENCH_SERVER: JSON.stringify(withSandboxEnv(spec)), NODE_ENV: 'production' },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.role} did not start in time; see ${logFile}`)), STARTUP_MS);
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message.url);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.role} exited with ${String(code)} before it was ready; see ${logFile}`));
    });
  });

  let nextId = 0;
  return {
    url,
    pid: child.pid ?? 0,
    logFile,
    usage(memoryOptions = {}) {
      nextId += 1;
      return ask(child, { type: 'usage', id: nextId, ...memoryOptions });
    },
    async stop() {
      if (child.exitCode === null && child.connected) {
        child.send({ type: 'stop' } satisfies ParentMessage);
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(force);
      }
    },
  };
}

function ask(child: ChildProcess, message: Extract<ParentMessage, { type: 'usage' }>): Promise<Usage> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: ChildMessage) => {
      if (answer.type === 'usage' && answer.id === message.id) {
        child.off('message', onMessage);
        const { type: _type, id: _id, ...sample } = answer;
        resolve(sample);
      }
    };
    child.on('message', onMessage);
    child.send(message, (error) => {
      if (error) {
        child.off('message', onMessage);
        reject(error);
      }
    });
  });
}
