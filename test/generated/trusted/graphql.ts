/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How often the aggregator may read a bank account after the user signs in. */
export type AccessMode =
  /** Once now, and again later with a consent token. */
  | 'MIXED'
  /** Again later without the user, with a consent token valid up to 180 days. */
  | 'MULTIPLE'
  /** Once, right after the sign-in. */
  | 'SINGLE';

/** Narrows `accounts`; every given condition must hold. */
export type AccountFilter = {
  /** Account numbers that start with this. */
  accountNumber?: string | null | undefined;
  /** Balance at most this, in minor units. */
  balanceMax?: number | null | undefined;
  /** Balance at least this, in minor units. */
  balanceMin?: number | null | undefined;
  /** Bank codes that start with this. */
  bankCode?: string | null | undefined;
  /** Only accounts the provider updated after this instant. */
  lastUpdatedAfter?: string | null | undefined;
  /** Only this provider's accounts. */
  provider?: Provider | null | undefined;
};

/** The gateway's circuit breaker in front of a provider. */
export type CircuitState =
  /** Calls flow normally. */
  | 'CLOSED'
  /** One trial call decides whether the circuit closes again. */
  | 'HALF_OPEN'
  /** Repeated failures: calls fail fast with PROVIDER_UNAVAILABLE until a trial call is allowed. */
  | 'OPEN';

/** What a confirmation executes once the TAN is given. */
export type ConfirmationOperation =
  /** The cancelation of a standing order (confirmStandingOrder). */
  | 'CANCEL_STANDING_ORDER'
  /** A new standing order (confirmStandingOrder). */
  | 'CREATE_STANDING_ORDER'
  /** A new timed order (confirmTimedOrder). */
  | 'CREATE_TIMED_ORDER'
  /** A SEPA credit transfer (confirmTransfer). */
  | 'CREATE_TRANSFER'
  /** A change to a standing order (confirmStandingOrder). */
  | 'UPDATE_STANDING_ORDER';

/** Where a confirmation stands. */
export type ConfirmationStatus =
  /** The TAN was right and the operation ran. */
  | 'CONFIRMED'
  /** A confirm is running at the provider now. */
  | 'EXECUTING'
  /** Not confirmed in time. */
  | 'EXPIRED'
  /** No attempts left, or the provider refused: the operation did not run. */
  | 'FAILED'
  /** Waiting for the TAN. */
  | 'PENDING'
  /** The provider's answer to the execution was lost (timeout, broken connection, 5xx, the executing instance died): the operation may or may not have run. The gateway keeps looking for evidence at the provider and moves it to CONFIRMED when it finds the operation; it never reports FAILED for an operation that may have run, and never executes it again by itself. */
  | 'UNKNOWN';

/** A standing order to register; confirmStandingOrder executes it. */
export type CreateStandingOrderInput = {
  /** The Kontist account to send from. */
  accountId: string | number;
  /** Euro cents, greater than 0. */
  amount: number;
  /** At most 35 SEPA characters. */
  endToEndId?: string | null | undefined;
  /** The first execution: today (UTC) or later. */
  firstExecutionDate: string;
  /** The recipient's IBAN; spaces are removed, letters upper-cased. */
  iban: string;
  /** The last execution: not before the first. */
  lastExecutionDate?: string | null | undefined;
  /** Remittance text on both bank statements: at most 140 SEPA characters. */
  note?: string | null | undefined;
  /** The recipient's name: 1 to 70 SEPA characters. */
  recipient: string;
  /** How often it executes. */
  reoccurrence: Reoccurrence;
};

/** A timed order to register; confirmTimedOrder schedules it. */
export type CreateTimedOrderInput = {
  /** The Kontist account to send from. */
  accountId: string | number;
  /** Euro cents, greater than 0. */
  amount: number;
  /** At most 35 SEPA characters. */
  endToEndId?: string | null | undefined;
  /** When to execute: later than now. */
  executeAt: string;
  /** The recipient's IBAN; spaces are removed, letters upper-cased. */
  iban: string;
  /** Remittance text on both bank statements: at most 140 SEPA characters. */
  note?: string | null | undefined;
  /** The recipient's name: 1 to 70 SEPA characters. */
  recipient: string;
};

/** A SEPA credit transfer to register; confirmTransfer executes it. */
export type CreateTransferInput = {
  /** The Kontist account to send from. */
  accountId: string | number;
  /** Euro cents, greater than 0. */
  amount: number;
  /** At most 35 SEPA characters. */
  endToEndId?: string | null | undefined;
  /** The recipient's IBAN; spaces are removed, letters upper-cased. */
  iban: string;
  /** Remittance text on both bank statements: at most 140 SEPA characters. */
  note?: string | null | undefined;
  /** The recipient's name: 1 to 70 SEPA characters. */
  recipient: string;
};

/** Where a background import stands; COMPLETED and FAILED are final. */
export type ImportStatus =
  /** Done: the data is there. */
  | 'COMPLETED'
  /** Ended without data; `error` says why. */
  | 'FAILED'
  /** Accepted by the provider, not started yet. */
  | 'QUEUED'
  /** The provider is reading the bank. */
  | 'RUNNING';

/** HBCI credentials of an online-banking login. The secret is never stored, logged or returned. */
export type LinkBankAccountInput = {
  /** The German bank code (BLZ, 8 digits) of the HBCI login. */
  bankCode: string;
  /** The customer number, where the bank asks for one. */
  customerNumber?: string | null | undefined;
  /** The HBCI PIN or password: passed to the provider once, never kept. */
  secret: string;
  /** A title for the linked accounts, 1 to 100 characters. */
  title: string;
  /** The HBCI username. */
  username: string;
};

/** A banking provider behind the gateway. */
export type Provider =
  /** HBCI bank-import REST API with JSON or XML responses: linked bank accounts, transactions, forced imports. */
  | 'BANKIMPORT'
  /** Neo-bank REST API: accounts, transactions, SEPA transfers, standing and timed orders (TAN flows). */
  | 'KONTIST'
  /** PSD2 account-information aggregator: sign-in sessions, background import commands, consents. */
  | 'KONTOMATIK';

/** How often a standing order executes. */
export type Reoccurrence =
  /** Every year. */
  | 'ANNUALLY'
  /** Every six months. */
  | 'EVERY_SIX_MONTHS'
  /** Every month. */
  | 'MONTHLY'
  /** Every three months. */
  | 'QUARTERLY';

/** An import with a MULTIPLE-access consent token, without the user (KONTOMATIK). */
export type ReuseConsentInput = {
  /** The multipleAccessToken of a COMPLETED import. */
  multipleAccessToken: string;
  /** Import transactions from this day on. */
  since?: string | null | undefined;
};

/** Where a redirection sign-in at a bank stands. */
export type SignInStatus =
  /** Signed in: startImport may run. */
  | 'COMPLETED'
  /** The user did not sign in in time; start again. */
  | 'EXPIRED'
  /** The bank refused the sign-in. */
  | 'FAILED'
  /** The user has not finished signing in at the bank yet. */
  | 'PENDING';

/** Whether a standing order still executes. */
export type StandingOrderStatus =
  /** Executes at each occurrence. */
  | 'ACTIVE'
  /** Canceled: executes no more. */
  | 'CANCELED';

/** The default import of a signed-in session (KONTOMATIK). */
export type StartImportInput = {
  /** The app's own id for the user, returned with the owners. */
  ownerExternalId?: string | null | undefined;
  /** From startSignIn or createMockSession. */
  sessionId: string;
  /** From startSignIn or createMockSession. */
  sessionIdSignature: string;
  /** Import transactions from this day on. */
  since?: string | null | undefined;
};

/** A redirection sign-in at a bank (KONTOMATIK). */
export type StartSignInInput = {
  /** How often the bank may be read; one the bank supports. */
  accessMode: AccessMode;
  /** The app's own id for the user, returned with the owners. */
  ownerExternalId?: string | null | undefined;
  /** Where the bank page sends the user back to (http or https). */
  redirectUrl?: string | null | undefined;
  /** A bank id from the banks query. */
  target: string;
};

/** Where a timed order stands. */
export type TimedOrderStatus =
  /** Canceled before it executed. */
  | 'CANCELED'
  /** Registered; waiting for the TAN. */
  | 'CONFIRMATION_REQUIRED'
  /** Executed. */
  | 'EXECUTED'
  /** The bank could not execute it. */
  | 'FAILED'
  /** Confirmed; executes at executeAt. */
  | 'SCHEDULED';

/** Narrows transactions; every given condition must hold. Bounds are inclusive; date bounds leave out transactions without a booking date. */
export type TransactionFilter = {
  /** Amount at most this, in minor units (signed). */
  amountMax?: number | null | undefined;
  /** Amount at least this, in minor units (signed). */
  amountMin?: number | null | undefined;
  /** Booked at or after this instant. */
  bookedFrom?: string | null | undefined;
  /** Booked at or before this instant. */
  bookedTo?: string | null | undefined;
  /** Purpose contains this, case-insensitive; 3 to 140 characters. */
  purpose?: string | null | undefined;
  /** Only booked, or only pending, transactions. */
  status?: TransactionStatus | null | undefined;
};

/** The order of transactions in a connection; transactions without a booking date come last. */
export type TransactionOrder =
  /** Oldest booking date first. */
  | 'BOOKING_DATE_ASC'
  /** Newest booking date first. */
  | 'BOOKING_DATE_DESC';

/** Whether the bank has booked a transaction yet. */
export type TransactionStatus =
  /** Booked by the bank: final. */
  | 'BOOKED'
  /** Known to the bank but not booked yet; it may still change or vanish. */
  | 'PENDING';

/** Where a SEPA credit transfer stands. */
export type TransferStatus =
  /** Confirmed with the TAN and accepted by the bank for execution. */
  | 'ACCEPTED'
  /** Registered; waiting for the TAN. */
  | 'CONFIRMATION_REQUIRED';

/** Only these attributes of an ACTIVE standing order can change. */
export type UpdateStandingOrderInput = {
  /** Euro cents, greater than 0. */
  amount?: number | null | undefined;
  /** At most 35 SEPA characters. */
  endToEndId?: string | null | undefined;
  /** The last execution. */
  lastExecutionDate?: string | null | undefined;
  /** At most 140 SEPA characters. */
  note?: string | null | undefined;
  /** How often it executes. */
  reoccurrence?: Reoccurrence | null | undefined;
};

export type AccountsQueryVariables = Exact<{
  filter?: AccountFilter | null | undefined;
}>;


export type AccountsQuery = { accounts: Array<{ id: string, provider: Provider, providerAccountId: string, iban: string | null, bic: string | null, bankName: string | null, bankCode: string | null, accountNumber: string | null, owner: string | null, type: string | null, currency: string, canInitiatePayments: boolean, lastUpdatedAt: string | null, balance: { minorUnits: number, currency: string, decimal: string } | null }> };

export type AccountQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountQuery = { account: { id: string, provider: Provider, iban: string | null, balance: { minorUnits: number, decimal: string } | null } | null };

export type BanksQueryVariables = Exact<{
  country?: string | null | undefined;
}>;


export type BanksQuery = { banks: Array<{ id: string, country: string, name: string, accessModes: Array<AccessMode> }> };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { providers: Array<{ provider: Provider, healthy: boolean, circuit: CircuitState }> };

export type KontistAuthorizationUrlQueryVariables = Exact<{
  redirectUri: string;
  state: string;
  scopes?: Array<string> | string | null | undefined;
}>;


export type KontistAuthorizationUrlQuery = { kontistAuthorizationUrl: string };

export type ExchangeKontistCodeMutationVariables = Exact<{
  code: string;
  redirectUri: string;
}>;


export type ExchangeKontistCodeMutation = { exchangeKontistCode: { accessToken: string, tokenType: string, expiresIn: number, refreshToken: string | null, scope: string } };

export type RefreshKontistTokenMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshKontistTokenMutation = { refreshKontistToken: { accessToken: string, tokenType: string, expiresIn: number, refreshToken: string | null, scope: string } };

export type ImportFieldsFragment = { id: string, provider: Provider, status: ImportStatus, startedAt: string | null, estimatedFinishAt: string | null, finishedAt: string | null, error: string | null };

export type CreateMockSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateMockSessionMutation = { createMockSession: { sessionId: string, sessionIdSignature: string, redirectUrl: string | null } };

export type StartSignInMutationVariables = Exact<{
  input: StartSignInInput;
}>;


export type StartSignInMutation = { startSignIn: { sessionId: string, sessionIdSignature: string, redirectUrl: string | null } };

export type SignInStatusQueryVariables = Exact<{
  sessionId: string;
}>;


export type SignInStatusQuery = { signInStatus: SignInStatus };

export type StartImportMutationVariables = Exact<{
  input: StartImportInput;
}>;


export type StartImportMutation = { startImport: { id: string, provider: Provider, status: ImportStatus, startedAt: string | null, estimatedFinishAt: string | null, finishedAt: string | null, error: string | null } };

export type ReuseConsentMutationVariables = Exact<{
  input: ReuseConsentInput;
}>;


export type ReuseConsentMutation = { reuseConsent: { id: string, provider: Provider, status: ImportStatus, startedAt: string | null, estimatedFinishAt: string | null, finishedAt: string | null, error: string | null } };

export type RevokeConsentMutationVariables = Exact<{
  token: string;
}>;


export type RevokeConsentMutation = { revokeConsent: boolean };

export type RefreshAccountMutationVariables = Exact<{
  accountId: string | number;
}>;


export type RefreshAccountMutation = { refreshAccount: { id: string, provider: Provider, status: ImportStatus, startedAt: string | null, estimatedFinishAt: string | null, finishedAt: string | null, error: string | null, account: { id: string, lastUpdatedAt: string | null } | null } };

export type LinkBankAccountsMutationVariables = Exact<{
  input: LinkBankAccountInput;
}>;


export type LinkBankAccountsMutation = { linkBankAccounts: Array<{ id: string, provider: Provider, providerAccountId: string, title: string | null, balance: { minorUnits: number, decimal: string } | null }> };

export type ImportCommandQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportCommandQuery = { importCommand: { multipleAccessToken: string | null, id: string, provider: Provider, status: ImportStatus, startedAt: string | null, estimatedFinishAt: string | null, finishedAt: string | null, error: string | null, owners: Array<{ name: string | null, email: string | null, externalId: string | null }>, accounts: Array<{ id: string, provider: Provider, iban: string | null, accountNumber: string | null, currency: string, balance: { minorUnits: number, decimal: string, currency: string } | null, transactions: { edges: Array<{ node: { id: string, bookingDate: string | null, purpose: string | null, amount: { minorUnits: number, decimal: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }> } | null };

export type ImportStatusChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ImportStatusChangedSubscription = { importStatusChanged: { id: string, provider: Provider, status: ImportStatus, startedAt: string | null, estimatedFinishAt: string | null, finishedAt: string | null, error: string | null, accounts: Array<{ id: string, iban: string | null }> } };

export type TransactionAddedSubscriptionVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type TransactionAddedSubscription = { transactionAdded: { id: string, purpose: string | null, amount: { minorUnits: number, decimal: string }, account: { id: string, balance: { minorUnits: number } | null } } };

export type ConfirmationFieldsFragment = { id: string, operation: ConfirmationOperation, status: ConfirmationStatus, tokenLength: number | null, expiresAt: string, attemptsLeft: number, recipient: string | null, iban: string | null, note: string | null, endToEndId: string | null, failureReason: string | null, statusDetail: string | null, amount: { minorUnits: number, decimal: string } | null, account: { id: string, providerAccountId: string } };

export type CreateTransferMutationVariables = Exact<{
  input: CreateTransferInput;
}>;


export type CreateTransferMutation = { createTransfer: { id: string, operation: ConfirmationOperation, status: ConfirmationStatus, tokenLength: number | null, expiresAt: string, attemptsLeft: number, recipient: string | null, iban: string | null, note: string | null, endToEndId: string | null, failureReason: string | null, statusDetail: string | null, amount: { minorUnits: number, decimal: string } | null, account: { id: string, providerAccountId: string } } };

export type ConfirmTransferMutationVariables = Exact<{
  confirmationId: string | number;
  authorizationToken: string;
}>;


export type ConfirmTransferMutation = { confirmTransfer: { id: string, status: TransferStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, amount: { minorUnits: number, decimal: string }, account: { providerAccountId: string } } };

export type ConfirmationByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ConfirmationByIdQuery = { confirmation: { id: string, operation: ConfirmationOperation, status: ConfirmationStatus, tokenLength: number | null, expiresAt: string, attemptsLeft: number, recipient: string | null, iban: string | null, note: string | null, endToEndId: string | null, failureReason: string | null, statusDetail: string | null, amount: { minorUnits: number, decimal: string } | null, account: { id: string, providerAccountId: string } } | null };

export type StandingOrderFieldsFragment = { id: string, status: StandingOrderStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, reoccurrence: Reoccurrence, lastExecutionDate: string | null, nextOccurrence: string | null, amount: { minorUnits: number, decimal: string } };

export type CreateStandingOrderMutationVariables = Exact<{
  input: CreateStandingOrderInput;
}>;


export type CreateStandingOrderMutation = { createStandingOrder: { id: string, operation: ConfirmationOperation, status: ConfirmationStatus, tokenLength: number | null, expiresAt: string, attemptsLeft: number, recipient: string | null, iban: string | null, note: string | null, endToEndId: string | null, failureReason: string | null, statusDetail: string | null, amount: { minorUnits: number, decimal: string } | null, account: { id: string, providerAccountId: string } } };

export type UpdateStandingOrderMutationVariables = Exact<{
  id: string | number;
  input: UpdateStandingOrderInput;
}>;


export type UpdateStandingOrderMutation = { updateStandingOrder: { id: string, operation: ConfirmationOperation, status: ConfirmationStatus, tokenLength: number | null, expiresAt: string, attemptsLeft: number, recipient: string | null, iban: string | null, note: string | null, endToEndId: string | null, failureReason: string | null, statusDetail: string | null, amount: { minorUnits: number, decimal: string } | null, account: { id: string, providerAccountId: string } } };

export type CancelStandingOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelStandingOrderMutation = { cancelStandingOrder: { id: string, operation: ConfirmationOperation, status: ConfirmationStatus, tokenLength: number | null, expiresAt: string, attemptsLeft: number, recipient: string | null, iban: string | null, note: string | null, endToEndId: string | null, failureReason: string | null, statusDetail: string | null, amount: { minorUnits: number, decimal: string } | null, account: { id: string, providerAccountId: string } } };

export type ConfirmStandingOrderMutationVariables = Exact<{
  confirmationId: string | number;
  authorizationToken: string;
}>;


export type ConfirmStandingOrderMutation = { confirmStandingOrder: { id: string, status: StandingOrderStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, reoccurrence: Reoccurrence, lastExecutionDate: string | null, nextOccurrence: string | null, amount: { minorUnits: number, decimal: string } } };

export type TimedOrderFieldsFragment = { id: string, status: TimedOrderStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, executeAt: string, executedAt: string | null, amount: { minorUnits: number, decimal: string } };

export type CreateTimedOrderMutationVariables = Exact<{
  input: CreateTimedOrderInput;
}>;


export type CreateTimedOrderMutation = { createTimedOrder: { id: string, operation: ConfirmationOperation, status: ConfirmationStatus, tokenLength: number | null, expiresAt: string, attemptsLeft: number, recipient: string | null, iban: string | null, note: string | null, endToEndId: string | null, failureReason: string | null, statusDetail: string | null, amount: { minorUnits: number, decimal: string } | null, account: { id: string, providerAccountId: string } } };

export type ConfirmTimedOrderMutationVariables = Exact<{
  confirmationId: string | number;
  authorizationToken: string;
}>;


export type ConfirmTimedOrderMutation = { confirmTimedOrder: { id: string, status: TimedOrderStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, executeAt: string, executedAt: string | null, amount: { minorUnits: number, decimal: string } } };

export type CancelTimedOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelTimedOrderMutation = { cancelTimedOrder: { id: string, status: TimedOrderStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, executeAt: string, executedAt: string | null, amount: { minorUnits: number, decimal: string } } };

export type AccountOrdersQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountOrdersQuery = { account: { id: string, standingOrders: Array<{ id: string, status: StandingOrderStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, reoccurrence: Reoccurrence, lastExecutionDate: string | null, nextOccurrence: string | null, amount: { minorUnits: number, decimal: string } }>, timedOrders: Array<{ id: string, status: TimedOrderStatus, recipient: string, iban: string, note: string | null, endToEndId: string | null, executeAt: string, executedAt: string | null, amount: { minorUnits: number, decimal: string } }> } | null };

export type ConfirmationChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ConfirmationChangedSubscription = { confirmationChanged: { id: string, status: ConfirmationStatus, statusDetail: string | null, failureReason: string | null } };

export type TransactionFieldsFragment = { id: string, providerTransactionId: string, status: TransactionStatus, bookingDate: string | null, valueDate: string | null, counterpartyName: string | null, counterpartyIban: string | null, purpose: string | null, endToEndId: string | null, mandateNumber: string | null, bookingType: string | null, paymentMethod: string | null, amount: { minorUnits: number, currency: string, decimal: string }, originalAmount: { minorUnits: number, currency: string, decimal: string } | null };

export type AccountTransactionsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TransactionFilter | null | undefined;
  orderBy?: TransactionOrder | null | undefined;
}>;


export type AccountTransactionsQuery = { account: { id: string, transactions: { totalCount: number | null, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, providerTransactionId: string, status: TransactionStatus, bookingDate: string | null, valueDate: string | null, counterpartyName: string | null, counterpartyIban: string | null, purpose: string | null, endToEndId: string | null, mandateNumber: string | null, bookingType: string | null, paymentMethod: string | null, amount: { minorUnits: number, currency: string, decimal: string }, originalAmount: { minorUnits: number, currency: string, decimal: string } | null } }> } } | null };

export type FeedQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TransactionFilter | null | undefined;
}>;


export type FeedQuery = { transactions: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, providerTransactionId: string, status: TransactionStatus, bookingDate: string | null, valueDate: string | null, counterpartyName: string | null, counterpartyIban: string | null, purpose: string | null, endToEndId: string | null, mandateNumber: string | null, bookingType: string | null, paymentMethod: string | null, account: { id: string, provider: Provider, iban: string | null }, amount: { minorUnits: number, currency: string, decimal: string }, originalAmount: { minorUnits: number, currency: string, decimal: string } | null } }> } };

export type TransactionQueryVariables = Exact<{
  id: string | number;
}>;


export type TransactionQuery = { transaction: { id: string, providerTransactionId: string, status: TransactionStatus, bookingDate: string | null, valueDate: string | null, counterpartyName: string | null, counterpartyIban: string | null, purpose: string | null, endToEndId: string | null, mandateNumber: string | null, bookingType: string | null, paymentMethod: string | null, account: { id: string, iban: string | null }, amount: { minorUnits: number, currency: string, decimal: string }, originalAmount: { minorUnits: number, currency: string, decimal: string } | null } | null };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'Account', iban: string | null, id: string }
    | { __typename: 'ImportCommand', id: string }
    | { __typename: 'StandingOrder', id: string }
    | { __typename: 'TimedOrder', id: string }
    | { __typename: 'Transaction', id: string, amount: { decimal: string } }
    | { __typename: 'Transfer', id: string }
   | null };

export const ImportFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportCommand"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedFinishAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ImportFieldsFragment, unknown>;
export const ConfirmationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfirmationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Confirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLength"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]} as unknown as DocumentNode<ConfirmationFieldsFragment, unknown>;
export const StandingOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"reoccurrence"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"nextOccurrence"}}]}}]} as unknown as DocumentNode<StandingOrderFieldsFragment, unknown>;
export const TimedOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimedOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimedOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"executeAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]} as unknown as DocumentNode<TimedOrderFieldsFragment, unknown>;
export const TransactionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"valueDate"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyName"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyIban"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"mandateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bookingType"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]} as unknown as DocumentNode<TransactionFieldsFragment, unknown>;
export const AccountsDocument = {"__meta__":{"hash":"sha256:407009239f7166767c0a66380c29f847be3a19b0c77ebecb9dfcfa9db2ad2860"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}},{"kind":"Field","name":{"kind":"Name","value":"bankCode"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"canInitiatePayments"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const AccountDocument = {"__meta__":{"hash":"sha256:42dce7bc6542fdd28abe89769e7321eab5630f20e7e32dd7cea0281b3150f229"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]} as unknown as DocumentNode<AccountQuery, AccountQueryVariables>;
export const BanksDocument = {"__meta__":{"hash":"sha256:418f4c964663ed30c3b1b97b0678a5e5132e87fe263165ef7348154956dba579"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Banks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"banks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accessModes"}}]}}]}}]} as unknown as DocumentNode<BanksQuery, BanksQueryVariables>;
export const ProvidersDocument = {"__meta__":{"hash":"sha256:b8240ef099ab3bf2892283c7b889b15619be48dade2720d008be5a1ff3d744c3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"circuit"}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
export const KontistAuthorizationUrlDocument = {"__meta__":{"hash":"sha256:3ea92dcce91ab8fa53a673fe122f6160e661b54a2121b1e9b28dfa4ca6787ff4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KontistAuthorizationUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"redirectUri"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kontistAuthorizationUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"redirectUri"},"value":{"kind":"Variable","name":{"kind":"Name","value":"redirectUri"}}},{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}}]}]}}]} as unknown as DocumentNode<KontistAuthorizationUrlQuery, KontistAuthorizationUrlQueryVariables>;
export const ExchangeKontistCodeDocument = {"__meta__":{"hash":"sha256:74d75a417b54be1500906092b28f1d242f1f9d0317f27e12d234553aded82fe4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExchangeKontistCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"redirectUri"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exchangeKontistCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"redirectUri"},"value":{"kind":"Variable","name":{"kind":"Name","value":"redirectUri"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}}]}}]} as unknown as DocumentNode<ExchangeKontistCodeMutation, ExchangeKontistCodeMutationVariables>;
export const RefreshKontistTokenDocument = {"__meta__":{"hash":"sha256:a57b12be74aea73711c94744e439fa44454ae8b53c8f44b86d9f9aa21451ddc6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshKontistToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshKontistToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}}]}}]} as unknown as DocumentNode<RefreshKontistTokenMutation, RefreshKontistTokenMutationVariables>;
export const CreateMockSessionDocument = {"__meta__":{"hash":"sha256:e033a876b2d3406c98a85b8590d3a0d67ddef0351a4a96904b8ed6e4424165a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMockSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMockSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionIdSignature"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUrl"}}]}}]}}]} as unknown as DocumentNode<CreateMockSessionMutation, CreateMockSessionMutationVariables>;
export const StartSignInDocument = {"__meta__":{"hash":"sha256:da062b76441c4deb76ffa01c999a24828433c7c00019ddadb0ea7ae999171a06"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartSignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSignIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionIdSignature"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUrl"}}]}}]}}]} as unknown as DocumentNode<StartSignInMutation, StartSignInMutationVariables>;
export const SignInStatusDocument = {"__meta__":{"hash":"sha256:88d379f4c7242560f6d7fa40a4bcae93e14c562b5d54826e838e455786e62300"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}]}]}}]} as unknown as DocumentNode<SignInStatusQuery, SignInStatusQueryVariables>;
export const StartImportDocument = {"__meta__":{"hash":"sha256:116a882bb02a7c0ce4fcff30df365306ab98b30e59e6aef761ea08162692dfca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportCommand"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedFinishAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<StartImportMutation, StartImportMutationVariables>;
export const ReuseConsentDocument = {"__meta__":{"hash":"sha256:7ebc7d4a163ca32afc0c723863d18c691e7c2151988790699db845575a7d9131"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReuseConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReuseConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reuseConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportCommand"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedFinishAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ReuseConsentMutation, ReuseConsentMutationVariables>;
export const RevokeConsentDocument = {"__meta__":{"hash":"sha256:967101ed34e2be706ba5730ccccf7d83efdc89260b8f0682f8b7ad6ed43eacbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"multipleAccessToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}]}]}}]} as unknown as DocumentNode<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const RefreshAccountDocument = {"__meta__":{"hash":"sha256:9b2d733a040cd3e586400427c9ac1fa8d7e3f00604489dd5bea8cf97fb2b6479"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportFields"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportCommand"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedFinishAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<RefreshAccountMutation, RefreshAccountMutationVariables>;
export const LinkBankAccountsDocument = {"__meta__":{"hash":"sha256:1730434e58a7ee71469dc9088f89c3fb29a8f8019d80a24327feee8379c52a27"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkBankAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkBankAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkBankAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]} as unknown as DocumentNode<LinkBankAccountsMutation, LinkBankAccountsMutationVariables>;
export const ImportCommandDocument = {"__meta__":{"hash":"sha256:ebbcb2b98905b77e81d16cd88661a02ebe2f20dfc2fa6ef7c49555958b2b848f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportCommand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importCommand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportFields"}},{"kind":"Field","name":{"kind":"Name","value":"multipleAccessToken"}},{"kind":"Field","name":{"kind":"Name","value":"owners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportCommand"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedFinishAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ImportCommandQuery, ImportCommandQueryVariables>;
export const ImportStatusChangedDocument = {"__meta__":{"hash":"sha256:ddbd2493ca6b7d75cd072bc4f7dfdff55a97d3b4f18de3ea34d03290eb0c51d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ImportStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportFields"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportCommand"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedFinishAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ImportStatusChangedSubscription, ImportStatusChangedSubscriptionVariables>;
export const TransactionAddedDocument = {"__meta__":{"hash":"sha256:d311c605212a7c057ff4e2fc34362de8d86e3e7430e29ae9c5ae6f0e9b32409b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TransactionAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransactionAddedSubscription, TransactionAddedSubscriptionVariables>;
export const CreateTransferDocument = {"__meta__":{"hash":"sha256:575a4010d44e81a791e25da6aef3770c50915ea3a0c848ffa375e5d20cbfc318"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfirmationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfirmationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Confirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLength"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]} as unknown as DocumentNode<CreateTransferMutation, CreateTransferMutationVariables>;
export const ConfirmTransferDocument = {"__meta__":{"hash":"sha256:6161f8354acf3848f8fd3e0f89233302bde66d9eb21d34aba8d09827fc8e651b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"authorizationToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"confirmationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"authorizationToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authorizationToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmTransferMutation, ConfirmTransferMutationVariables>;
export const ConfirmationByIdDocument = {"__meta__":{"hash":"sha256:ba80c707ca28751c03c8373fd1f2f05be2cb61ecffa9330a6ab83ce78d7644a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfirmationById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfirmationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfirmationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Confirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLength"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]} as unknown as DocumentNode<ConfirmationByIdQuery, ConfirmationByIdQueryVariables>;
export const CreateStandingOrderDocument = {"__meta__":{"hash":"sha256:17572804ce24e65e14d6c64ea1042cbfb1882d0cce21e3feb89ce029b1a70619"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStandingOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStandingOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStandingOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfirmationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfirmationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Confirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLength"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]} as unknown as DocumentNode<CreateStandingOrderMutation, CreateStandingOrderMutationVariables>;
export const UpdateStandingOrderDocument = {"__meta__":{"hash":"sha256:04768c35951f587e0dc010add0d5f8be197fca6121a1d30fe989657441e49e59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStandingOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStandingOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStandingOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfirmationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfirmationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Confirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLength"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]} as unknown as DocumentNode<UpdateStandingOrderMutation, UpdateStandingOrderMutationVariables>;
export const CancelStandingOrderDocument = {"__meta__":{"hash":"sha256:70737d056a7df96365553ddb71456136f25e91276628dfe4cb49bf9607c8523d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelStandingOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelStandingOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfirmationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfirmationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Confirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLength"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]} as unknown as DocumentNode<CancelStandingOrderMutation, CancelStandingOrderMutationVariables>;
export const ConfirmStandingOrderDocument = {"__meta__":{"hash":"sha256:9fa2dcc577ab32642a06252d67b9ae20e6e51f454620d1cc3225bf5fab0fbca1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmStandingOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"authorizationToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmStandingOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"confirmationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"authorizationToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authorizationToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"reoccurrence"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"nextOccurrence"}}]}}]} as unknown as DocumentNode<ConfirmStandingOrderMutation, ConfirmStandingOrderMutationVariables>;
export const CreateTimedOrderDocument = {"__meta__":{"hash":"sha256:e8af811821205ec6277052b60e1361dd53975c8e295de2e7ed637a0d61c1c163"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTimedOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTimedOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTimedOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfirmationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfirmationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Confirmation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLength"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccountId"}}]}}]}}]} as unknown as DocumentNode<CreateTimedOrderMutation, CreateTimedOrderMutationVariables>;
export const ConfirmTimedOrderDocument = {"__meta__":{"hash":"sha256:e9fdf44a91484eef5a24e7ccbe390cb487a74a52b97291767b5e5aa68b3f8850"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTimedOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"authorizationToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmTimedOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"confirmationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"authorizationToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authorizationToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimedOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimedOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimedOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"executeAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]} as unknown as DocumentNode<ConfirmTimedOrderMutation, ConfirmTimedOrderMutationVariables>;
export const CancelTimedOrderDocument = {"__meta__":{"hash":"sha256:dde0111d2fe23ae4931649c84e4e4f25be1bab710450dc01720da3dd69ed1b92"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelTimedOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelTimedOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimedOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimedOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimedOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"executeAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]} as unknown as DocumentNode<CancelTimedOrderMutation, CancelTimedOrderMutationVariables>;
export const AccountOrdersDocument = {"__meta__":{"hash":"sha256:d0c4848c16975124e5ea6535f2ba5ea3b0ff711abb47b7316b39a68874bd2e56"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"standingOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timedOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimedOrderFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StandingOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"reoccurrence"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecutionDate"}},{"kind":"Field","name":{"kind":"Name","value":"nextOccurrence"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimedOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimedOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"executeAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]} as unknown as DocumentNode<AccountOrdersQuery, AccountOrdersQueryVariables>;
export const ConfirmationChangedDocument = {"__meta__":{"hash":"sha256:3139ce1d71338a57fab88478cc169e5894ce9bf43df1c58613d302c5236b262d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConfirmationChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmationChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetail"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]} as unknown as DocumentNode<ConfirmationChangedSubscription, ConfirmationChangedSubscriptionVariables>;
export const AccountTransactionsDocument = {"__meta__":{"hash":"sha256:529428b552e8716b0b27149aec07107c72a7801074ee9522af569248a0fdd431"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountTransactions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TransactionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TransactionOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransactionFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"valueDate"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyName"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyIban"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"mandateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bookingType"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]} as unknown as DocumentNode<AccountTransactionsQuery, AccountTransactionsQueryVariables>;
export const FeedDocument = {"__meta__":{"hash":"sha256:cae1090177f3ec23586c4ae6013574a42bb14ad755b76d8c0d62d7f4f99fba14"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Feed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TransactionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransactionFields"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"valueDate"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyName"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyIban"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"mandateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bookingType"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]} as unknown as DocumentNode<FeedQuery, FeedQueryVariables>;
export const TransactionDocument = {"__meta__":{"hash":"sha256:10db57b8c77453bdd199a06753d4015bc0f22223f1e4d37bde77e517b53e966c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Transaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransactionFields"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDate"}},{"kind":"Field","name":{"kind":"Name","value":"valueDate"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyName"}},{"kind":"Field","name":{"kind":"Name","value":"counterpartyIban"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"endToEndId"}},{"kind":"Field","name":{"kind":"Name","value":"mandateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bookingType"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]} as unknown as DocumentNode<TransactionQuery, TransactionQueryVariables>;
export const NodeDocument = {"__meta__":{"hash":"sha256:8e015609cf71e8a339fe6a38d51bdb7b79997575fd576557948aecc6881d0113"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decimal"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;