import { paramOf } from '../query';
import { BANKIMPORT_HBCI_BANK_CODES, BANKIMPORT_HBCI_LOGINS, type BankimportHbciLogin } from './bankimport.data';

/** The body of `POST /api/v1/bank-account/hbci`, form or JSON, as Bankimport's docs name it. */
export interface HbciLinkRequest {
  title: string;
  bankCode: string;
  username: string;
  /** Compared once and dropped: never stored, logged or echoed. */
  secret: string;
  customerNumber: string | undefined;
}

/** A refusal as Bankimport words it: `{"error": code, "message": text}`. */
export interface HbciRefusal {
  status: 409 | 422;
  error: 'missing_parameter' | 'unknown_bank_code' | 'hbci_login_failed' | 'login_linked_elsewhere';
  message: string;
}

const REQUIRED = ['title', 'hbci_bank_code', 'username', 'secret'] as const;

/** Rails params arrive as text; a JSON number (a bank code, say) is taken as its digits. */
function paramText(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : paramOf(body, name);
}

export function parseHbciLinkRequest(body: unknown): HbciLinkRequest | HbciRefusal {
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const missing = REQUIRED.find((name) => (paramText(fields, name) ?? '').trim() === '');
  if (missing) {
    // Rails' own wording for ActionController::ParameterMissing.
    return { status: 422, error: 'missing_parameter', message: `param is missing or the value is empty: ${missing}` };
  }
  const customerNumber = paramText(fields, 'customer_number')?.trim();
  return {
    title: paramText(fields, 'title')!.trim(),
    bankCode: paramText(fields, 'hbci_bank_code')!.trim(),
    username: paramText(fields, 'username')!.trim(),
    secret: paramText(fields, 'secret')!,
    customerNumber: customerNumber === '' ? undefined : customerNumber,
  };
}

/**
 * What the bank says to the login: the login, or why not. A wrong username, secret or
 * customer number all get the same answer, as a bank gives no hint which part was wrong.
 */
export function checkHbciLogin(request: HbciLinkRequest): BankimportHbciLogin | HbciRefusal {
  if (!BANKIMPORT_HBCI_BANK_CODES.has(request.bankCode)) {
    return { status: 422, error: 'unknown_bank_code', message: 'No bank with this bank code offers HBCI.' };
  }
  const login = BANKIMPORT_HBCI_LOGINS.find(
    (candidate) =>
      candidate.bankCode === request.bankCode &&
      candidate.username === request.username &&
      candidate.secret === request.secret &&
      (request.customerNumber === undefined || request.customerNumber === candidate.customerNumber),
  );
  return login ?? { status: 422, error: 'hbci_login_failed', message: 'The bank refused the HBCI login.' };
}

/** The login is someone else's: it can only ever be linked by the user whose bank login it is. */
export const LINKED_ELSEWHERE: HbciRefusal = {
  status: 409,
  error: 'login_linked_elsewhere',
  message: 'This HBCI login belongs to another Bankimport user.',
};
