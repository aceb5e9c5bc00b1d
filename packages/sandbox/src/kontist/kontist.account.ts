import type { Request, Response } from 'express';
import { kontistCallerOf } from './kontist.auth';
import type { KontistAccount } from './kontist.data';
import type { KontistState } from './kontist.state';

/** The `:id` account when it is the caller's; otherwise answers 404, as for an unknown one. */
export function accountFor(req: Request, res: Response, state: KontistState): KontistAccount | undefined {
  const id = String(req.params.id);
  const account = /^\d+$/.test(id) ? state.accountOf(kontistCallerOf(res).user, Number(id)) : undefined;
  if (!account) {
    res.status(404).json({ error: 'not_found' });
  }
  return account;
}
