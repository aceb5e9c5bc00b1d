import express, { type Request, type Response, type Router } from 'express';
import { paramOf } from '../query';
import type { KontomatikCommand } from './kontomatik.commands';
import { MOCK_BANK_ID, type KontomatikTarget } from './kontomatik.data';
import { toAcceptedCommandElement, toCommandElement } from './kontomatik.format';
import type { MultipleAccessGrant } from './kontomatik.multiple-access';
import { epochDayOf, parseSince, TOO_OLD_MESSAGE } from './kontomatik.since';
import type { KontomatikState } from './kontomatik.state';
import { element, respondXml, respondXmlException } from './kontomatik.xml';

export interface KontomatikCommandRoutes {
  mockSession: string;
  defaultImport: string;
  /** With an `:id` parameter. */
  command: string;
  reuseMultipleAccess: string;
  deleteMultipleAccess: string;
}

// Command forms are a few short fields.
const form = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 20 });

/** One field of the form; an empty one counts as missing. */
function fieldOf(req: Request, name: string): string | undefined {
  return paramOf(req.body as Record<string, unknown> | undefined, name) || undefined;
}

function invalid(res: Response, message: string): void {
  respondXmlException(res, 400, 'InvalidRequest', message);
}

interface ImportInput {
  target: KontomatikTarget;
  ownerExternalId?: string;
  /** The consent the import runs under, for Multiple Access; asked for only when it can succeed. */
  grant(): MultipleAccessGrant | undefined;
}

/** Reads `since` and queues the import, or answers why not. */
function startImport(req: Request, res: Response, state: KontomatikState, input: ImportInput): void {
  const since = parseSince(fieldOf(req, 'since'), epochDayOf(state.now()));
  if ('error' in since) {
    invalid(res, since.error);
    return;
  }
  const command: KontomatikCommand = state.commands.create({
    target: input.target,
    ownerExternalId: input.ownerExternalId,
    sinceDay: since.sinceDay,
    multipleAccessToken: since.tooOld ? undefined : input.grant()?.token,
    error: since.tooOld ? TOO_OLD_MESSAGE : undefined,
  });
  respondXml(res, 200, [toAcceptedCommandElement(command)]);
}

/** The mock session, imports, their status, and Multiple Access reuse and revocation; all XML. */
export function createKontomatikCommandRouter(state: KontomatikState, routes: KontomatikCommandRoutes): Router {
  const router = express.Router();

  router.post(routes.mockSession, (_req, res) => {
    const target = state.targetOf(MOCK_BANK_ID);
    if (!target) {
      throw new Error(`the catalog has no ${MOCK_BANK_ID}`);
    }
    const { session, signature } = state.sessions.start({ target, accessMode: 'MULTIPLE', signedIn: true });
    respondXml(res, 200, [element('sessionId', session.id), element('sessionIdSignature', signature)]);
  });

  router.post(routes.defaultImport, form, (req, res) => {
    const sessionId = fieldOf(req, 'sessionId');
    const signature = fieldOf(req, 'sessionIdSignature');
    if (sessionId === undefined || signature === undefined) {
      invalid(res, 'sessionId and sessionIdSignature are required');
      return;
    }
    const session = state.sessions.get(sessionId);
    if (!session) {
      respondXmlException(res, 404, 'SessionNotFound', 'No session has this id');
      return;
    }
    if (!state.sessions.isSignatureOf(session, signature)) {
      respondXmlException(res, 400, 'InvalidSessionSignature', 'The signature does not match the session id');
      return;
    }
    const status = state.sessions.statusOf(session);
    if (status !== 'COMPLETED') {
      respondXmlException(res, 400, 'SessionNotSignedIn', `The session is not signed in at the bank (${status})`);
      return;
    }
    const ownerExternalId = fieldOf(req, 'ownerExternalId') ?? session.ownerExternalId;
    startImport(req, res, state, {
      target: session.target,
      ownerExternalId,
      grant: () => state.multipleAccess.grantFor(session, ownerExternalId),
    });
  });

  router.post(routes.reuseMultipleAccess, form, (req, res) => {
    const token = fieldOf(req, 'multipleAccessToken');
    if (token === undefined) {
      invalid(res, 'multipleAccessToken is required');
      return;
    }
    const found = state.multipleAccess.find(token);
    if ('error' in found) {
      respondMultipleAccessError(res, found.error);
      return;
    }
    const { grant } = found;
    startImport(req, res, state, {
      target: grant.session.target,
      ownerExternalId: grant.ownerExternalId,
      grant: () => grant,
    });
  });

  router.post(routes.deleteMultipleAccess, form, (req, res) => {
    const token = fieldOf(req, 'multipleAccessToken');
    if (token === undefined) {
      invalid(res, 'multipleAccessToken is required');
      return;
    }
    const revoked = state.multipleAccess.revoke(token);
    if ('error' in revoked) {
      respondMultipleAccessError(res, revoked.error);
      return;
    }
    respondXml(res, 200, [element('multipleAccessDeleted', 'true')]);
  });

  router.get(routes.command, (req, res) => {
    const command = state.commands.get(String(req.params.id));
    if (!command) {
      respondXmlException(res, 404, 'CommandNotFound', 'No command has this id');
      return;
    }
    respondXml(res, 200, [toCommandElement(command, state.commands.statusOf(command))]);
  });

  return router;
}

function respondMultipleAccessError(
  res: Response,
  error: 'InvalidMultipleAccessToken' | 'MultipleAccessRevoked',
): void {
  const message =
    error === 'MultipleAccessRevoked'
      ? 'This Multiple Access consent has been revoked'
      : 'No Multiple Access consent has this token';
  respondXmlException(res, 400, error, message);
}
