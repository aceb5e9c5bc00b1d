/**
 * `node -r ./test/support/exit-at-once.js …` (npm test runs jest so, and jest's workers
 * inherit it): once a process has begun to exit, it exits at once. Left to itself, Node
 * first tears down every V8 context the process made — a jest worker makes one per test
 * file — which took a worker 0.15 s after three files and over 0.5 s after thirty on the
 * 2-core machine; past 0.5 s jest kills it and warns that "a worker process has failed
 * to exit gracefully". Every exit listener still runs, and the exit code is kept.
 * Plain JavaScript: nothing compiles it.
 */
'use strict';

function exitAtOnce(code) {
  // The listeners added before this one have run; those added after it run here.
  const listeners = process.listeners('exit');
  for (const listener of listeners.slice(listeners.indexOf(exitAtOnce) + 1)) {
    listener.call(process, code);
  }
  // Inside an exit listener, process.exit ends the process without emitting 'exit' again.
  process.exit(process.exitCode ?? code);
}

process.on('exit', exitAtOnce);
