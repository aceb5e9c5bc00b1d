import { BadUserInputError } from '../../errors/errors';
import { isProviderName, type ProviderName } from '../../providers/provider-name';

/** Node types whose ids this gateway issues. */
export type NodeType =
  'Account' | 'Transaction' | 'Transfer' | 'StandingOrder' | 'TimedOrder' | 'Confirmation' | 'ImportCommand';

/**
 * Parts after the provider: an Account has its provider id; the others their account's
 * and their own; a Transfer also the confirmation that executed it (Kontist cannot be
 * asked for a transfer later); a Confirmation only the gateway's own id.
 */
const partCounts: Record<NodeType, number> = {
  Account: 1,
  Transaction: 2,
  Transfer: 3,
  StandingOrder: 2,
  TimedOrder: 2,
  Confirmation: 1,
  ImportCommand: 1,
};

const nodeTypes: ReadonlySet<string> = new Set(Object.keys(partCounts));

export interface GlobalId {
  type: NodeType;
  provider: ProviderName;
  parts: string[];
}

/**
 * Opaque global ids: base64url of `Type:PROVIDER:part[:part]`. They survive restarts
 * and are the same on every instance, so clients may keep them.
 */
export function toGlobalId(type: NodeType, provider: ProviderName, ...parts: string[]): string {
  return Buffer.from([type, provider, ...parts.map(encodeURIComponent)].join(':')).toString('base64url');
}

/**
 * Decodes an id this gateway issued, of the expected types; anything else is
 * BAD_USER_INPUT naming `field`.
 */
export function fromGlobalId(id: string, field: string, expected?: readonly NodeType[]): GlobalId {
  const invalid = () => new BadUserInputError(field, `${field} is not an id issued by this gateway.`);
  if (id.length > 512 || !/^[A-Za-z0-9_-]+$/.test(id)) {
    throw invalid();
  }
  const [type, provider, ...parts] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  if (
    !type ||
    !provider ||
    !nodeTypes.has(type) ||
    !isProviderName(provider) ||
    parts.length !== partCounts[type as NodeType] ||
    parts.some((part) => !part)
  ) {
    throw invalid();
  }
  if (expected && !expected.includes(type as NodeType)) {
    throw new BadUserInputError(field, `${field} is not the id of ${expected.join(' or ')}.`);
  }
  let decoded: string[];
  try {
    decoded = parts.map(decodeURIComponent);
  } catch {
    throw invalid();
  }
  return { type: type as NodeType, provider, parts: decoded };
}
