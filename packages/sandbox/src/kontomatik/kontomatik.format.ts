import type { KontomatikCommand, KontomatikCommandStatus } from './kontomatik.commands';
import { generateMockImport, type MockAccount, type MockOwner, type MockTransaction } from './kontomatik.mock-bank';
import { epochDayOf } from './kontomatik.since';
import { element, optional, type XmlElement } from './kontomatik.xml';

/** Minor units as Kontomatik writes an amount, always with two decimals: `-12345` → `-123.45`. */
export function toAmountText(minorUnits: number): string {
  const sign = minorUnits < 0 ? '-' : '';
  const absolute = Math.abs(minorUnits);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

function toOwnerElement(owner: MockOwner): XmlElement {
  return element('owner', [
    optional('externalId', owner.externalId),
    element('name', owner.name),
    element('email', owner.email),
    element('nationalId', owner.nationalId),
  ]);
}

function toTransactionElement(transaction: MockTransaction): XmlElement {
  return element('transaction', [
    element('date', transaction.date),
    element('amount', toAmountText(transaction.amount)),
    element('currency', transaction.currency),
    element('description', transaction.description),
    optional('counterpartyName', transaction.counterpartyName),
    optional('counterpartyAccount', transaction.counterpartyAccount),
    optional('label', transaction.label),
  ]);
}

function toAccountElement(account: MockAccount): XmlElement {
  return element('account', [
    element('number', account.number),
    element('currency', account.currency),
    element('balance', toAmountText(account.balance)),
    element('availableBalance', toAmountText(account.availableBalance)),
    // No transactions since `since`: left out, as every element without a value.
    account.transactions.length === 0
      ? undefined
      : element('transactions', account.transactions.map(toTransactionElement)),
  ]);
}

/** `<command id="…" status="QUEUED"/>`: the answer to a command that was just accepted. */
export function toAcceptedCommandElement(command: KontomatikCommand): XmlElement {
  return element('command', undefined, { id: command.id, status: 'QUEUED' });
}

/** The command as `GET /command/{id}.xml` shows it: its data only once COMPLETED, its error once FAILED. */
export function toCommandElement(command: KontomatikCommand, status: KontomatikCommandStatus): XmlElement {
  const attributes = { id: command.id, status };
  const target = element('target', command.target.id);
  switch (status) {
    case 'QUEUED':
    case 'RUNNING':
      return element('command', [target], attributes);
    case 'FAILED':
      return element('command', [target, optional('error', command.error)], attributes);
    case 'COMPLETED': {
      // Dated from the day the command started, so polling after midnight changes nothing.
      const data = generateMockImport(command.target, {
        ownerExternalId: command.ownerExternalId,
        sinceDay: command.sinceDay,
        today: epochDayOf(command.createdAt),
      });
      return element(
        'command',
        [
          target,
          element('owners', [toOwnerElement(data.owner)]),
          element('accounts', data.accounts.map(toAccountElement)),
          optional('multipleAccessToken', command.multipleAccessToken),
        ],
        attributes,
      );
    }
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
