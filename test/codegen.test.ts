import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('test/generated/graphql.ts', () => {
  it('is what codegen.yml makes of schema.graphql and test/operations (run `npm run codegen`)', () => {
    const root = join(__dirname, '..');
    const scratch = mkdtempSync(join(tmpdir(), 'codegen-'));
    try {
      const fresh = join(scratch, 'graphql.ts');
      const config = readFileSync(join(root, 'codegen.yml'), 'utf8').replace('test/generated/graphql.ts:', `${fresh}:`);
      writeFileSync(join(scratch, 'codegen.yml'), config);
      const run = spawnSync(
        join(root, 'node_modules/.bin/graphql-codegen'),
        ['--config', join(scratch, 'codegen.yml'), '--silent'],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(run.status).toBe(0);
      expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(join(root, 'test/generated/graphql.ts'), 'utf8'));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
