import { z } from 'zod';

/**
 * Kontist's payment wire format (kontist-api.md: SEPA Credit Transfers, Standing orders,
 * Timed orders). Every write answers "confirmation required" first; the TAN step executes.
 */

const text = z.string().nullable().optional();

/** `POST /api/accounts/{id}/transfer` and the confirming `PUT` on `links.self`. */
export const kontistTransferSchema = z.object({
  status: z.string(),
  recipient: z.string(),
  iban: z.string(),
  amount: z.number().int(),
  note: text,
  e2eId: text,
  meta: z.object({ authorizationTokenLength: z.number().int().optional() }).optional(),
  links: z.object({ self: z.string() }).optional(),
});
export type KontistTransferPayload = z.infer<typeof kontistTransferSchema>;

/** What a transfer is registered with, and sent again, unchanged, with the TAN. */
export interface KontistTransferRequest {
  recipient: string;
  iban: string;
  amount: number;
  note: string | null;
  e2eId: string | null;
}

/** Create, update and cancel of a standing order all answer a request to confirm. */
export const kontistStandingOrderRequestSchema = z.object({
  requestId: z.union([z.string(), z.number().transform(String)]),
  status: z.string(),
  amount: z.number().int().optional(),
  recipient: text,
  iban: text,
  e2eId: text,
});

export const kontistStandingOrderSchema = z.object({
  id: z.union([z.number().int(), z.string()]).transform(String),
  status: z.enum(['ACTIVE', 'CANCELED']),
  name: z.string(),
  iban: z.string(),
  amount: z.number().int(),
  description: text,
  lastExecutionDate: text,
  reoccurrence: z.enum(['MONTHLY', 'QUARTERLY', 'EVERY_SIX_MONTHS', 'ANNUALLY']),
  e2eId: text,
  nextOccurrence: text,
});
export type KontistStandingOrderPayload = z.infer<typeof kontistStandingOrderSchema>;
export const kontistStandingOrderListSchema = z.array(kontistStandingOrderSchema);

/** A timed order as create, confirm and cancel answer it (snake_case). */
export const kontistTimedOrderSchema = z.object({
  id: z.string(),
  execute_at: z.string(),
  executed_at: text,
  status: z.enum(['CONFIRMATION_REQUIRED', 'SCHEDULED', 'EXECUTED', 'CANCELED', 'FAILED']),
  scheduled_transaction: z.object({
    id: z.string().optional(),
    status: z.string().optional(),
    reference: text,
    description: text,
    recipient_iban: z.string(),
    recipient_name: z.string(),
    end_to_end_id: text,
    amount: z.object({ value: z.number().int(), currency: z.string(), unit: z.string().optional() }),
  }),
});
export type KontistTimedOrderPayload = z.infer<typeof kontistTimedOrderSchema>;

/** `GET /api/accounts/{id}/timed-orders`: only SCHEDULED ones, camelCase, negative amounts. */
export const kontistTimedOrderListItemSchema = z.object({
  id: z.string(),
  recipientName: z.string(),
  recipientIban: z.string(),
  date: z.string(),
  purpose: text,
  amount: z.number().int(),
  e2eId: text,
  status: z.string(),
  type: z.string().optional(),
});
export type KontistTimedOrderListItemPayload = z.infer<typeof kontistTimedOrderListItemSchema>;
export const kontistTimedOrderListSchema = z.array(kontistTimedOrderListItemSchema);
