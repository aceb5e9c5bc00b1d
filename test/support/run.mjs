// `npm test`: the type check and jest side by side, as one command that fails when either
// fails. Jest's suites wait on sockets, Redis, child processes and Chromium for much of
// their time; tsc (at a lower CPU priority) uses those waits instead of running first.
// Arguments go to jest (`npm test -- test/money.test.ts`); tsc's output follows jest's.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

function run(command, args, options) {
  const child = spawn(command, args, options);
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: 1, output: [Buffer.from(`${error.message}\n`)] }));
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
  return { child, exited };
}

// package.json's `typecheck` (`tsc …`), with tsc run by this node, so its priority can be set.
const [command, ...tscArgs] = scripts.typecheck.split(/\s+/);
if (command !== 'tsc') {
  throw new Error(`package.json's typecheck script should start with tsc: ${scripts.typecheck}`);
}
const typecheck = run(process.execPath, [require.resolve('typescript/bin/tsc'), ...tscArgs], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
try {
  setPriority(typecheck.child.pid, 10);
} catch {
  // Not allowed here: it runs at the same priority, only slower to finish.
}
// Jest's workers inherit the -r (see exit-at-once.js).
const exitAtOnce = fileURLToPath(new URL('./exit-at-once.js', import.meta.url));
const jest = run(process.execPath, ['-r', exitAtOnce, require.resolve('jest/bin/jest'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});

const [types, tests] = await Promise.all([typecheck.exited, jest.exited]);
if (types.code !== 0) {
  process.stderr.write(`\ntype check (npm run typecheck) failed:\n${Buffer.concat(types.output).toString()}`);
} else {
  process.stdout.write('type check (npm run typecheck): no errors\n');
}
process.exitCode = types.code !== 0 ? types.code : tests.code;
