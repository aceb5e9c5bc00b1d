import { parseDecimal } from '../../money';
import { parseOptionalDate } from '../dates';
import type { CommandResult, ImportStatusName, OwnerRecord } from '../imports';
import type { AccountRecord, TransactionRecord } from '../provider';
import type {
  KontomatikAccountPayload,
  KontomatikCatalogPayload,
  KontomatikCommandPayload,
} from './kontomatik.payloads';

/** A bank that sign-in sessions can target. */
export interface BankRecord {
  id: string;
  country: string;
  name: string;
  accessModes: Array<'SINGLE' | 'MULTIPLE' | 'MIXED'>;
}

export function toBanks(raw: KontomatikCatalogPayload): BankRecord[] {
  return raw.targets.map((target) => ({
    id: target.id,
    country: target.country.toUpperCase(),
    name: target.name,
    accessModes: [...target.accessModes],
  }));
}

const STATUS_WORDS: Record<string, ImportStatusName> = {
  // The OpenAPI's vocabulary…
  queued: 'QUEUED',
  running: 'RUNNING',
  completed: 'COMPLETED',
  failed: 'FAILED',
  // …and the one the live service writes in its XML.
  setup: 'QUEUED',
  in_progress: 'RUNNING',
  successful: 'COMPLETED',
  error: 'FAILED',
};

/** A command's status in either vocabulary; throws on anything else (an unreadable reply). */
export function toImportStatus(word: string): ImportStatusName {
  const status = STATUS_WORDS[word.trim().toLowerCase()];
  if (!status) {
    throw new RangeError(`unknown command status ${JSON.stringify(word.slice(0, 30))}`);
  }
  return status;
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** The provider account id of an account a command delivered: the command's and the bank's number. */
export function kontomatikAccountId(commandId: string, number: string): string {
  return `${commandId}:${number}`;
}

/** A command's id and status, from either vocabulary, as attributes or elements. */
export function toCommandState(command: KontomatikCommandPayload): { commandId: string; status: ImportStatusName } {
  const commandId = command['@id'] ?? command.id;
  const word = command['@status'] ?? command.status ?? command['@state'] ?? command.state;
  if (!commandId || !/^[A-Za-z0-9_-]{1,128}$/.test(commandId) || !word) {
    throw new RangeError('a command without a usable id or status');
  }
  return { commandId, status: toImportStatus(word) };
}

type CommandData = Exclude<KontomatikCommandPayload['result'], '' | undefined>;

/**
 * A command reply as provider-neutral records. Accounts are known by command and number
 * (a command is a capability: whoever holds its id may read it), transactions by their
 * position counted from the oldest, so that ids stay put when a list is read again.
 */
export function toCommandResult(command: KontomatikCommandPayload): CommandResult {
  const { commandId, status } = toCommandState(command);
  const data: CommandData = typeof command.result === 'object' ? command.result : command;
  const owners = data.owners ? data.owners.owner : [];
  const ownerRecords: OwnerRecord[] = owners.map((owner) =>
    owner === ''
      ? { name: null, email: null, externalId: null }
      : { name: owner.name ?? null, email: owner.email ?? null, externalId: owner.externalId ?? null },
  );
  const accounts = data.accounts ? data.accounts.account : [];
  const transactions = new Map<string, TransactionRecord[]>();
  const accountRecords = accounts.map((raw) => {
    const account = toKontomatikAccount(commandId, raw, ownerRecords[0]?.name ?? null);
    transactions.set(account.providerAccountId, toKontomatikTransactions(account, raw));
    return account;
  });
  return {
    commandId,
    status,
    target: data.target ?? null,
    error: data.error ?? null,
    owners: ownerRecords,
    accounts: accountRecords,
    transactions,
    multipleAccessToken: data.multipleAccessToken ?? null,
  };
}

function toKontomatikAccount(commandId: string, raw: KontomatikAccountPayload, owner: string | null): AccountRecord {
  const number = raw.number.replace(/\s+/g, '');
  return {
    provider: 'KONTOMATIK',
    providerAccountId: kontomatikAccountId(commandId, number),
    iban: IBAN.test(number) ? number : null,
    bic: null,
    bankName: null,
    bankCode: null,
    accountNumber: number,
    owner,
    title: raw.name ?? null,
    type: null,
    currency: raw.currency,
    balance: raw.balance ? parseDecimal(raw.balance, raw.currency) : null,
    availableBalance: raw.availableBalance ? parseDecimal(raw.availableBalance, raw.currency) : null,
    lastUpdatedAt: null,
    // An information service: it only reads.
    canInitiatePayments: false,
  };
}

/** Newest first, as the gateway's sequences expect. */
function toKontomatikTransactions(account: AccountRecord, raw: KontomatikAccountPayload): TransactionRecord[] {
  const list = [
    ...(raw.transactions ? raw.transactions.transaction : []),
    ...(raw.moneyTransactions ? raw.moneyTransactions.moneyTransaction : []),
  ];
  const records = list.map((item, index): TransactionRecord => {
    const currency = item.currency ?? account.currency;
    const date = parseOptionalDate(item.date ?? item.transactionOn ?? item.bookedOn);
    return {
      provider: 'KONTOMATIK',
      providerTransactionId: String(list.length - index),
      providerAccountId: account.providerAccountId,
      amount: parseDecimal(item.amount, currency),
      originalAmount: null,
      status: 'BOOKED',
      counterpartyName: item.counterpartyName ?? item.party ?? null,
      counterpartyIban: item.counterpartyAccount ?? item.partyIban ?? null,
      purpose: item.description ?? item.title ?? null,
      endToEndId: null,
      mandateNumber: null,
      bookingType: null,
      paymentMethod: null,
      category: item.label ?? null,
      bookingDate: date,
      valueDate: date,
    };
  });
  return records.sort(newestFirst);
}

function newestFirst(a: TransactionRecord, b: TransactionRecord): number {
  const byDate = (b.bookingDate?.getTime() ?? -Infinity) - (a.bookingDate?.getTime() ?? -Infinity);
  return byDate !== 0 && !Number.isNaN(byDate)
    ? byDate
    : Number(b.providerTransactionId) - Number(a.providerTransactionId);
}
