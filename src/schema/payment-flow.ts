import type { Context } from '../context';
import type { PaymentOperation, PaymentRequest, PaymentResult } from '../providers/payments';
import { confirmationIdOf } from './confirmation/confirmation.resolver';
import { toConfirmationView, type ConfirmationView } from './confirmation/confirmation.view';
import { paymentAccount } from './payment-account';

/** Step 1 of any payment operation: registers it from the caller's account; a TAN goes out. */
export async function startPayment(
  context: Context,
  accountId: string,
  request: PaymentRequest,
  field = 'accountId',
): Promise<ConfirmationView> {
  const { account, call, callerKey } = await paymentAccount(context, accountId, field);
  return toConfirmationView(await context.payments.create({ callerKey, account, call, request }));
}

/** Step 2: executes the confirmation with the TAN, exactly once, if it is one of `operations`. */
export function confirmPayment(
  context: Context,
  confirmationId: string,
  tan: string,
  operations: readonly PaymentOperation[],
): Promise<PaymentResult> {
  return context.payments.confirm({
    id: confirmationIdOf(confirmationId),
    callerKey: context.callerKey,
    operations,
    tan,
    callFor: (provider) => context.callFor(provider),
  });
}
