/**
 * TypeScript compiled as `ts-node/register/transpile-only` does (each file on its own,
 * tsconfig.json's options, no type check), each output kept in node_modules/.cache/register-ts
 * by a hash of the file, the options and the compiler. Spawned gateways read it through
 * register-ts.js; jest's global set-up fills it with jest's own output before they start
 * (warm-caches.ts). A file that changed is compiled anew. Plain JavaScript: nothing
 * compiles it.
 */
'use strict';

const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const cacheDir = path.join(root, 'node_modules/.cache/register-ts');
const tsconfigPath = path.join(root, 'tsconfig.json');
// What decides an output besides the file: the options as written, and the compiler.
const salt = [
  fs.readFileSync(tsconfigPath, 'utf8'),
  require('typescript/package.json').version,
  fs.readFileSync(__filename, 'utf8'),
].join('\0');

let compile;
/** Loads the compiler only for a file the cache does not have yet. */
function compiler() {
  if (!compile) {
    const ts = require('typescript');
    const { config } = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
    const compilerOptions = {
      ...options,
      // A .ts file in this CommonJS package is a CommonJS module, as for ts-node.
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      sourceMap: false,
      inlineSourceMap: true,
      inlineSources: true,
      declaration: false,
      noEmit: false,
    };
    compile = (source, fileName) => ts.transpileModule(source, { compilerOptions, fileName }).outputText;
  }
  return compile;
}

function cachePath(source, fileName) {
  const key = createHash('sha256').update(salt).update('\0').update(fileName).update('\0').update(source).digest('hex');
  return path.join(cacheDir, `${key}.js`);
}

function write(cached, output) {
  fs.mkdirSync(cacheDir, { recursive: true });
  // Written aside, then renamed: processes starting together never read half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(partial, output);
  fs.renameSync(partial, cached);
}

/** `fileName`'s JavaScript, compiled now, without the cache. */
function compiled(source, fileName) {
  return compiler()(source, fileName);
}

/** `fileName`'s JavaScript, from the cache or compiled into it. */
function transpiled(source, fileName) {
  const cached = cachePath(source, fileName);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const output = compiled(source, fileName);
    write(cached, output);
    return output;
  }
}

/**
 * Keeps `output` as `fileName`'s JavaScript. Jest's transform (ts-jest, each file alone,
 * tsconfig.json's options, CommonJS) gives the same code as `compiled`, its source map
 * inline as well (ts-cache.test.ts): jest's global set-up stores it here rather than
 * compiling every file a second time.
 */
function remember(source, fileName, output) {
  write(cachePath(source, fileName), output);
}

module.exports = { compiled, remember, transpiled };
