import type { Context } from '../../context';
import { kontomatikOf } from './kontomatik.of';
import { BadUserInputError } from '../../errors/errors';

/** Printable ASCII of bounded length: what a provider id or token can be, and nothing to smuggle. */
const TOKEN = /^[\x21-\x7e]{1,512}$/;

export function checkToken(value: string, field: string): string {
  if (!TOKEN.test(value)) {
    throw new BadUserInputError(field, `${field} is not a value the provider issued.`);
  }
  return value;
}

export function checkExternalId(value: string | null | undefined, field: string): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (!/^[\x20-\x7e]{1,100}$/.test(value) || !value.trim()) {
    throw new BadUserInputError(field, `${field} must be 1 to 100 printable ASCII characters.`);
  }
  return value;
}

/** `since`: not in the future (CONTRACT.md, Input rules). */
export function checkSince(since: Date | null | undefined, field: string): Date | undefined {
  if (!since) {
    return undefined;
  }
  if (since.getTime() > Date.now()) {
    throw new BadUserInputError(field, `${field} must not be in the future.`);
  }
  return since;
}

export function checkRedirectUrl(value: string | null | undefined, field: string): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || value.length > 2048) {
    throw new BadUserInputError(field, `${field} must be an http or https URL of at most 2048 characters.`);
  }
  return value;
}

/** A catalog bank that supports the access mode; checked before anything is started upstream. */
export async function checkTarget(context: Context, target: string, accessMode: string): Promise<void> {
  const bank = (await kontomatikOf(context).banks()).find((candidate) => candidate.id === target);
  if (!bank) {
    throw new BadUserInputError('target', 'target is not a bank of the banks query.');
  }
  if (!bank.accessModes.includes(accessMode as (typeof bank.accessModes)[number])) {
    throw new BadUserInputError('accessMode', `${bank.name} supports only ${bank.accessModes.join(', ')} access.`);
  }
}
