import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** Every `node_modules/graphql` below `dir`'s packages, nested ones included. */
function graphqlCopies(dir: string): string[] {
  const found: string[] = [];
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) {
    return found;
  }
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) {
      continue;
    }
    const packages = entry.name.startsWith('@')
      ? readdirSync(join(modules, entry.name)).map((name) => join(modules, entry.name, name))
      : [join(modules, entry.name)];
    for (const path of packages) {
      if (path === join(modules, 'graphql')) {
        found.push(path);
      } else {
        found.push(...graphqlCopies(path));
      }
    }
  }
  return found;
}

// The tests load graphql-js as production does (test/support/setup.ts), without its
// warning about a second copy: a schema built with one copy and executed by another
// fails in ways that are hard to read. This is that warning, once, for all of them.
describe('graphql-js', () => {
  it('is installed once, so that type-graphql, Apollo Server and the rest share it', () => {
    expect(graphqlCopies(ROOT).map((path) => path.slice(ROOT.length + 1))).toEqual(['node_modules/graphql']);
  });
});
