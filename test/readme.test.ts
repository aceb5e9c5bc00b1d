import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { banks } from '../src/providers/registry';

/** The README's tables of providers say what the banks' descriptors say. */
const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');

/** The table rows of one section whose first cell names `provider`. */
function rows(section: string, provider: string): string[] {
  const start = readme.indexOf(section);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n#', start + section.length);
  return readme
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith(`| ${provider} |`) || line.startsWith(`| **${provider}** |`));
}

describe('README', () => {
  it.each(banks.map((bank) => [bank.name, bank] as const))(
    'credentials table: %s as its descriptor reads and sends it',
    (name, bank) => {
      const [row] = rows('## Credentials', name);
      expect(row).toBeDefined();
      expect(row).toContain(bank.upstreamAuth);
      if (bank.credentials) {
        expect(row).toContain(`\`${bank.credentials.header}\``);
        expect(row).toContain(`\`${bank.credentials.connectionInitKey}\``);
      } else {
        expect(row).toMatch(/\| none/);
      }
    },
  );

  it.each(banks.map((bank) => [bank.name, bank] as const))(
    'provider table: %s with the capabilities its descriptor declares',
    (name, bank) => {
      const [row] = rows('# Banking GraphQL Gateway', name);
      expect(row).toBeDefined();
      const cells = row!.split('|').map((cell) => cell.trim());
      const [, , , accounts, transactions, payments, imports] = cells;
      expect(accounts).toMatch(bank.capabilities.accounts === 'LISTED' ? /^listed/ : /^through imports/);
      expect(transactions?.startsWith(bank.capabilities.transactions ? 'yes' : 'no')).toBe(true);
      expect(payments?.startsWith(bank.capabilities.payments ? 'yes' : 'no')).toBe(true);
      expect(imports?.startsWith(bank.capabilities.imports ? 'yes' : 'no')).toBe(true);
    },
  );

  it.each(banks.flatMap((bank) => Object.values(bank.reasons).map((reason) => [bank.name, reason] as const)))(
    'reasons table: %s maps a refusal to %s, and says when',
    (name, reason) => {
      expect(rows('### Provider refusals', name).some((row) => row.includes(`\`${reason}\``))).toBe(true);
    },
  );
});
