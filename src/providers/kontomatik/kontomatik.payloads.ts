import { z } from 'zod';

/**
 * Kontomatik's wire format (../shared/providers/kontomatik-ais-api.md): a JSON catalog
 * and sign-in, XML command replies, form-encoded command bodies, `X-Api-Key` on every
 * call. The XML schemas below describe the tree that `readKontomatikXml` makes: text
 * stays text (amounts are exact), attributes start with `@`, and the list elements are
 * always arrays.
 */

export const kontomatikAccessModeSchema = z.enum(['SINGLE', 'MULTIPLE', 'MIXED']);
export type KontomatikAccessMode = z.infer<typeof kontomatikAccessModeSchema>;

/** `GET /ais-catalog` */
export const kontomatikCatalogSchema = z.object({
  targets: z.array(
    z.object({
      id: z.string(),
      country: z.string(),
      name: z.string(),
      accessModes: z.array(kontomatikAccessModeSchema),
    }),
  ),
});
export type KontomatikCatalogPayload = z.infer<typeof kontomatikCatalogSchema>;

/** `GET /health` */
export const kontomatikHealthSchema = z.object({ status: z.string() });
export type KontomatikHealthPayload = z.infer<typeof kontomatikHealthSchema>;

/** `POST /signin/redirection` (JSON) */
export const kontomatikSignInSchema = z.object({
  sessionId: z.string().min(1),
  sessionIdSignature: z.string().min(1),
  redirectUrl: z.string().min(1).optional(),
});

/** `GET /signin/redirection-status` (JSON) */
export const kontomatikSignInStatusSchema = z.object({
  sessionId: z.string().optional(),
  status: z.enum(['PENDING', 'COMPLETED', 'FAILED', 'EXPIRED']),
});

/** Elements that are lists in command replies, in both vocabularies. */
export const KONTOMATIK_LIST_ELEMENTS = ['owner', 'account', 'transaction', 'moneyTransaction'] as const;

const text = z.string();
const optionalText = text.optional();
/** An empty container element (`<owners/>`) parses as an empty string. */
const listIn = <T extends z.ZodType>(name: string, item: T) =>
  z.union([z.literal(''), z.object({ [name]: z.array(item) })]).optional();

const transactionSchema = z.object({
  date: optionalText,
  transactionOn: optionalText,
  bookedOn: optionalText,
  amount: text,
  currency: optionalText,
  description: optionalText,
  title: optionalText,
  counterpartyName: optionalText,
  party: optionalText,
  counterpartyAccount: optionalText,
  partyIban: optionalText,
  label: optionalText,
});
export type KontomatikTransactionPayload = z.infer<typeof transactionSchema>;

const accountSchema = z.object({
  number: text,
  name: optionalText,
  currency: text,
  balance: optionalText,
  availableBalance: optionalText,
  transactions: listIn('transaction', transactionSchema),
  moneyTransactions: listIn('moneyTransaction', transactionSchema),
});
export type KontomatikAccountPayload = z.infer<typeof accountSchema>;

const ownerSchema = z.union([
  z.literal(''),
  z.object({ externalId: optionalText, name: optionalText, email: optionalText, nationalId: optionalText }),
]);

const commandDataSchema = z.object({
  target: optionalText,
  owners: listIn('owner', ownerSchema),
  accounts: listIn('account', accountSchema),
  multipleAccessToken: optionalText,
  error: optionalText,
});

/**
 * `<command>`: the OpenAPI's `status` (QUEUED…) or the live service's `state`
 * (in_progress…), as attribute or element; its results inline or inside `<result>`.
 */
const commandSchema = commandDataSchema.extend({
  '@id': optionalText,
  id: optionalText,
  '@status': optionalText,
  status: optionalText,
  '@state': optionalText,
  state: optionalText,
  result: z.union([z.literal(''), commandDataSchema]).optional(),
});
export type KontomatikCommandPayload = z.infer<typeof commandSchema>;

export const kontomatikCommandReplySchema = z.object({ reply: z.object({ command: commandSchema }) });

/** `POST /mock-session.xml` */
export const kontomatikMockSessionSchema = z.object({
  reply: z.object({ sessionId: text.min(1), sessionIdSignature: text.min(1) }),
});
