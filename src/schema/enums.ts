import { registerEnumType } from 'type-graphql';

/** Enums shared by several entities, registered once with their descriptions. */

export enum TransactionStatusEnum {
  BOOKED = 'BOOKED',
  PENDING = 'PENDING',
}
registerEnumType(TransactionStatusEnum, {
  name: 'TransactionStatus',
  description: 'Whether the bank has booked a transaction yet.',
  valuesConfig: {
    BOOKED: { description: 'Booked by the bank: final.' },
    PENDING: { description: 'Known to the bank but not booked yet; it may still change or vanish.' },
  },
});

export enum TransactionOrderEnum {
  BOOKING_DATE_DESC = 'BOOKING_DATE_DESC',
  BOOKING_DATE_ASC = 'BOOKING_DATE_ASC',
}
registerEnumType(TransactionOrderEnum, {
  name: 'TransactionOrder',
  description: 'The order of transactions in a connection; transactions without a booking date come last.',
  valuesConfig: {
    BOOKING_DATE_DESC: { description: 'Newest booking date first.' },
    BOOKING_DATE_ASC: { description: 'Oldest booking date first.' },
  },
});

export enum AccessModeEnum {
  SINGLE = 'SINGLE',
  MULTIPLE = 'MULTIPLE',
  MIXED = 'MIXED',
}
registerEnumType(AccessModeEnum, {
  name: 'AccessMode',
  description: 'How often the aggregator may read a bank account after the user signs in.',
  valuesConfig: {
    SINGLE: { description: 'Once, right after the sign-in.' },
    MULTIPLE: { description: 'Again later without the user, with a consent token valid up to 180 days.' },
    MIXED: { description: 'Once now, and again later with a consent token.' },
  },
});

export enum CircuitStateEnum {
  CLOSED = 'CLOSED',
  OPEN = 'OPEN',
  HALF_OPEN = 'HALF_OPEN',
}
registerEnumType(CircuitStateEnum, {
  name: 'CircuitState',
  description: "The gateway's circuit breaker in front of a provider.",
  valuesConfig: {
    CLOSED: { description: 'Calls flow normally.' },
    OPEN: {
      description: 'Repeated failures: calls fail fast with PROVIDER_UNAVAILABLE until a trial call is allowed.',
    },
    HALF_OPEN: { description: 'One trial call decides whether the circuit closes again.' },
  },
});

export enum ImportStatusEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatusEnum, {
  name: 'ImportStatus',
  description: 'Where a background import stands; COMPLETED and FAILED are final.',
  valuesConfig: {
    QUEUED: { description: 'Accepted by the provider, not started yet.' },
    RUNNING: { description: 'The provider is reading the bank.' },
    COMPLETED: { description: 'Done: the data is there.' },
    FAILED: { description: 'Ended without data; `error` says why.' },
  },
});

export enum SignInStatusEnum {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(SignInStatusEnum, {
  name: 'SignInStatus',
  description: 'Where a redirection sign-in at a bank stands.',
  valuesConfig: {
    PENDING: { description: 'The user has not finished signing in at the bank yet.' },
    COMPLETED: { description: 'Signed in: startImport may run.' },
    FAILED: { description: 'The bank refused the sign-in.' },
    EXPIRED: { description: 'The user did not sign in in time; start again.' },
  },
});
