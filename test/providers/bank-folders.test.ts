import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import ts from 'typescript';

/**
 * A bank is one folder: `src/providers/<bank>/` is the only place that knows it. Any
 * other file that imports from a bank's folder, or names a bank in its code, fails
 * here; the registry, which lists the banks, is the one exception. Comments and the
 * schema's descriptions (the contract's own words, `description: '…'`) may name banks.
 */
const SRC = join(__dirname, '../../src');
const PROVIDERS = join(SRC, 'providers');
const REGISTRY = join(PROVIDERS, 'registry.ts');

const bankFolders = readdirSync(PROVIDERS).filter((name) => statSync(join(PROVIDERS, name)).isDirectory());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The bank folder a file lives in, if any. */
function bankOf(file: string): string | undefined {
  const [first, second] = relative(PROVIDERS, file).split(sep);
  return second !== undefined && first !== undefined && bankFolders.includes(first) ? first : undefined;
}

interface Finding {
  file: string;
  line: number;
  what: string;
}

function findings(file: string): Finding[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const own = bankOf(file);
  const others = bankFolders.filter((bank) => bank !== own);
  const naming = new RegExp(others.join('|'), 'i');
  const found: Finding[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push({
      file: relative(SRC, file),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      what,
    });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const specifier = node.moduleSpecifier;
      if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
        const target = join(file, '..', specifier.text);
        const bank = bankOf(`${target}.ts`);
        if (bank !== undefined && bank !== own) {
          report(node, `imports ${specifier.text}`);
        }
      }
      return;
    }
    if (ts.isIdentifier(node) && naming.test(node.text)) {
      report(node, `names a bank: ${node.text}`);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && naming.test(node.text)) {
      if (!isDescription(node)) {
        report(node, `names a bank: ${JSON.stringify(node.text.slice(0, 60))}`);
      }
    }
    if ((ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && naming.test(node.text)) {
      report(node, `names a bank: ${JSON.stringify(node.text.slice(0, 60))}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The value of a `description:` property: the schema's words, fixed by the contract. */
function isDescription(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    parent !== undefined &&
    ts.isPropertyAssignment(parent) &&
    ts.isIdentifier(parent.name) &&
    parent.name.text === 'description'
  );
}

describe('a bank is one folder', () => {
  const files = sourceFiles(SRC).filter((file) => file !== REGISTRY);

  it('has bank folders to check, and the registry names each of them', () => {
    expect(bankFolders.length).toBeGreaterThanOrEqual(3);
    const registry = readFileSync(REGISTRY, 'utf8');
    for (const bank of bankFolders) {
      expect(registry).toContain(`./${bank}/${bank}.descriptor`);
    }
  });

  it('no file outside a bank folder imports from one or names a bank; no bank folder reaches into another', () => {
    expect(files.flatMap(findings)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const probe = (text: string, at = join(SRC, 'schema', 'probe.ts')) => {
      const source = ts.createSourceFile(at, text, ts.ScriptTarget.Latest, true);
      return source.statements.length > 0;
    };
    // The checker itself, on known cases: an import, an identifier, a string; not a comment or a description.
    expect(probe("import { x } from '../providers/kontist/kontist.client';")).toBe(true);
    const check = (text: string) => {
      const dir = join(SRC, 'schema');
      const file = join(dir, 'probe.ts');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const naming = new RegExp(bankFolders.join('|'), 'i');
      let hits = 0;
      const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node)) {
          const target = join(dir, (node.moduleSpecifier as ts.StringLiteral).text);
          hits += bankOf(`${target}.ts`) ? 1 : 0;
          return;
        }
        if (ts.isIdentifier(node) && naming.test(node.text)) {
          hits += 1;
        }
        if (ts.isStringLiteral(node) && naming.test(node.text) && !isDescription(node)) {
          hits += 1;
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return hits;
    };
    expect(check("import { x } from '../providers/kontist/kontist.client';")).toBe(1);
    expect(check('const kontistUrl = 1;')).toBe(1);
    expect(check("if (name === 'KONTOMATIK') {}")).toBe(1);
    expect(check("// Kontist's words\nconst a = { description: 'A Kontist account.' };")).toBe(0);
  });
});
