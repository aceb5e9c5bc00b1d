import { NotFoundError } from '../../errors/errors';

/**
 * The path of one Kontist account. Ids come from decoded global ids, so anything but
 * Kontist's numeric ids cannot be one of the caller's accounts.
 */
export function kontistAccountPath(id: string): string {
  if (!/^\d{1,18}$/.test(id)) {
    throw new NotFoundError();
  }
  return `/api/accounts/${id}`;
}
