import type { Money } from '../../money';
import { assumedResult } from '../../payments/assumed-result';
import type { Confirmation as Stored, ConfirmationStatus } from '../../payments/confirmation';
import { isExpired } from '../../payments/confirmation-machine';
import type { PaymentResult } from '../../providers/payments';
import { toGlobalId } from '../node/global-id';

/** A stored confirmation as the schema's Confirmation shows it. */
export interface ConfirmationView {
  id: string;
  operation: Stored['pending']['operation'];
  status: ConfirmationStatus | 'EXPIRED';
  provider: Stored['provider'];
  providerAccountId: string;
  tokenLength: number | null;
  expiresAt: Date;
  attemptsLeft: number;
  recipient: string | null;
  iban: string | null;
  amount: Money | null;
  note: string | null;
  endToEndId: string | null;
  failureReason: string | null;
  statusDetail: string | null;
}

/** The order a result holds, whichever kind it is. */
function orderOf(result: PaymentResult) {
  switch (result.kind) {
    case 'TRANSFER':
      return result.transfer;
    case 'STANDING_ORDER':
      return result.standingOrder;
    case 'TIMED_ORDER':
      return result.timedOrder;
    default: {
      const never: never = result;
      throw new Error(`unknown result ${JSON.stringify(never)}`);
    }
  }
}

function detailOf(stored: Stored): string | null {
  const { state } = stored;
  switch (state.status) {
    case 'CONFIRMED':
      return state.detail;
    case 'UNKNOWN':
      return state.nextCheckAt === null
        ? 'The gateway found no evidence at the provider in time and stopped looking: check the account.'
        : `The gateway is looking for the operation at the provider (next look at ${new Date(state.nextCheckAt).toISOString()}).`;
    case 'EXECUTING':
      return 'The provider is executing it now.';
    case 'PENDING':
    case 'FAILED':
      return null;
    default: {
      const never: never = state;
      throw new Error(`unknown state ${JSON.stringify(never)}`);
    }
  }
}

export function toConfirmationView(stored: Stored, now = Date.now()): ConfirmationView {
  const order = orderOf(stored.state.status === 'CONFIRMED' ? stored.state.result : assumedResult(stored));
  return {
    id: toGlobalId('Confirmation', stored.provider, stored.id),
    operation: stored.pending.operation,
    status: isExpired(stored, now) ? 'EXPIRED' : stored.state.status,
    provider: stored.provider,
    providerAccountId: stored.providerAccountId,
    tokenLength: stored.tokenLength,
    expiresAt: new Date(stored.expiresAt),
    attemptsLeft: stored.attemptsLeft,
    recipient: order.recipient,
    iban: order.iban,
    amount: order.amount,
    note: order.note,
    endToEndId: order.endToEndId,
    failureReason:
      stored.state.status === 'FAILED' || stored.state.status === 'UNKNOWN' ? stored.state.failure.message : null,
    statusDetail: detailOf(stored),
  };
}
