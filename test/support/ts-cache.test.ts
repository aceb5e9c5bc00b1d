import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createScriptTransformer } from '@jest/transform';
import { readConfig } from 'jest-config';

import { compiled } from './ts-cache';
import { workerTransformOptions } from './warm-caches';

const ROOT = join(__dirname, '../..');

/** The code without its inline source map, which names the source differently. */
const code = (output: string) => output.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '');

describe('the JavaScript spawned gateways run (test/support/ts-cache.js)', () => {
  let transformer: Awaited<ReturnType<typeof createScriptTransformer>>;
  beforeAll(async () => {
    const { projectConfig } = await readConfig({ $0: 'jest', _: [] }, ROOT);
    transformer = await createScriptTransformer(projectConfig);
  });

  // jest's global set-up stores jest's transform of a file in place of ts-cache's own
  // compile of it (warm-caches.ts): that holds only while the two give the same code.
  it.each([
    // decorators with their emitted metadata (type-graphql)
    'src/schema/standing-order/standing-order.resolver.ts',
    // enums, registered with type-graphql
    'src/schema/enums.ts',
    // re-exports and type-only imports
    'src/providers/http.ts',
    'packages/sandbox/src/sandbox.ts',
    'test/support/gateway-process.ts',
  ])("is jest's transform of %s", (relative) => {
    const file = join(ROOT, relative);
    const jest = transformer.transform(file, workerTransformOptions('babel'));
    const own = compiled(readFileSync(file, 'utf8'), file);

    expect(code(jest.code)).toBe(code(own));
    // Both carry their source map inline, for the stack traces of a spawned gateway.
    expect(jest.code).toMatch(/\n\/\/# sourceMappingURL=data:application\/json;[^,]*base64,/);
    expect(own).toMatch(/\n\/\/# sourceMappingURL=data:application\/json;[^,]*base64,/);
  });
});
