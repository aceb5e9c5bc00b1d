import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createScriptTransformer, type TransformationOptions } from '@jest/transform';
import type { Config } from '@jest/types';

import { remember } from './ts-cache';

const ROOT = join(__dirname, '../..');

/** Every .ts file below `dir`, generated ones and tests included. */
function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.split('/').includes('node_modules'))
    .map((path) => join(dir, path));
}

/** The options jest-runtime transforms a test file's modules with (its defaults, no coverage). */
export function workerTransformOptions(
  coverageProvider: Config.GlobalConfig['coverageProvider'],
): TransformationOptions {
  return {
    isInternalModule: false,
    supportsDynamicImport: false,
    supportsExportNamespaceFrom: false,
    supportsStaticESM: false,
    supportsTopLevelAwait: false,
    collectCoverage: false,
    collectCoverageFrom: [],
    coverageProvider,
  };
}

/**
 * Jest's global set-up: compiles the TypeScript that test files share once, here, before
 * the workers start. Otherwise on a clean clone each worker compiles much of the gateway
 * on its own, at the same moment, and every process a test spawns compiles src/ again
 * (6 s of CPU per cold worker, 3 s per spawned gateway), while `npm test`'s type check
 * uses the other core. Only for runs of the whole suite: one test file compiles only what
 * it needs.
 */
export default async function warmCaches(globalConfig: Config.GlobalConfig, project: Config.ProjectConfig) {
  const wholeSuite =
    globalConfig.testPathPattern === '' &&
    !globalConfig.watch &&
    !globalConfig.watchAll &&
    !globalConfig.onlyChanged &&
    !globalConfig.findRelatedTests;
  if (!wholeSuite) {
    return;
  }
  const sources = [join(ROOT, 'src'), join(ROOT, 'packages/sandbox/src')].flatMap(typeScriptFiles);
  // What many test files share (support, generated documents); a test file itself is
  // compiled by the one worker that runs it, in the time that worker would wait anyway.
  const shared = project.roots.flatMap(typeScriptFiles).filter((file) => !file.endsWith('.test.ts'));

  // Into jest's cache, with a worker's options: the same cache key as a worker's. And into
  // the cache the gateways that tests spawn read (register-ts.js): the same JavaScript,
  // compiled once.
  const transformer = await createScriptTransformer(project);
  for (const file of [...sources, ...shared]) {
    const { code } = transformer.transform(file, workerTransformOptions(globalConfig.coverageProvider));
    // Keyed by the file as register-ts.js reads it (jest's originalCode drops a shebang).
    remember(readFileSync(file, 'utf8'), file, code);
  }
}
