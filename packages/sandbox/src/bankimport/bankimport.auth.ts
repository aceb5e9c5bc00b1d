import type { RequestHandler, Response } from 'express';
import { respondError } from './bankimport.format';
import type { BankimportState } from './bankimport.state';

const TOKEN_HEADER = /^Token +token="?([^"\s]+)"?$/i;

/** `Authorization: Token token=…`, as the Bankimport docs ask for. */
export function createBankimportAuth(state: BankimportState): RequestHandler {
  return (req, res, next) => {
    const match = TOKEN_HEADER.exec(req.get('authorization')?.trim() ?? '');
    const user = match ? state.userOfToken(match[1]) : undefined;
    if (!user) {
      respondError(res, 401, 'unauthorized');
      return;
    }
    res.locals.bankimportUser = user;
    next();
  };
}

export function bankimportUserOf(res: Response): string {
  return res.locals.bankimportUser as string;
}
