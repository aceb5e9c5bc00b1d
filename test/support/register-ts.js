/**
 * `node -r ./test/support/register-ts.js file.ts`: runs TypeScript as
 * `ts-node/register/transpile-only` does, through the cache of ts-cache.js. A gateway
 * that a test spawns then starts in about a second instead of compiling all of src/
 * again. Plain JavaScript: nothing compiles it.
 */
'use strict';

const fs = require('node:fs');
const Module = require('node:module');

const { transpiled } = require('./ts-cache');

process.setSourceMapsEnabled(true);
Module._extensions['.ts'] = (module, fileName) => {
  module._compile(transpiled(fs.readFileSync(fileName, 'utf8'), fileName), fileName);
};
