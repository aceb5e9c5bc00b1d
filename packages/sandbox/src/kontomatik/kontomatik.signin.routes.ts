import express, { type Response, type Router } from 'express';
import { paramOf } from '../query';
import type { KontomatikTarget } from './kontomatik.data';
import type { KontomatikState } from './kontomatik.state';
import type {
  KontomatikAccessMode,
  KontomatikErrorPayload,
  KontomatikSignInPayload,
  KontomatikSignInStatusPayload,
} from './kontomatik.wire';
import { escapeXml } from '../xml-escape';

export interface KontomatikSignInRoutes {
  signIn: string;
  signInStatus: string;
  /** With a `:sessionId` parameter. */
  bankPage: string;
}

/** Longer texts are refused; nothing real needs them. */
const MAX_TEXT = 2048;

type SignInError = 'InvalidRequest' | 'UnknownTarget' | 'UnsupportedAccessMode' | 'SessionNotFound';

function respondError(res: Response, status: number, error: SignInError, message: string): void {
  const body: KontomatikErrorPayload = { error, message };
  res.status(status).json(body);
}

interface SignInRequest {
  target: KontomatikTarget;
  accessMode: KontomatikAccessMode;
  ownerExternalId?: string;
  redirectUrl?: string;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The JSON body of `POST /signin/redirection`, or the error to answer. */
function parseSignIn(body: unknown, state: KontomatikState): SignInRequest | { error: SignInError; message: string } {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const { target, accessMode, ownerExternalId, redirectUrl } = fields as Record<string, unknown>;
  if (typeof target !== 'string' || target === '' || typeof accessMode !== 'string' || accessMode === '') {
    return { error: 'InvalidRequest', message: 'target and accessMode are required' };
  }
  if (
    (ownerExternalId !== undefined && (typeof ownerExternalId !== 'string' || ownerExternalId.length > MAX_TEXT)) ||
    (redirectUrl !== undefined && (typeof redirectUrl !== 'string' || redirectUrl.length > MAX_TEXT))
  ) {
    return { error: 'InvalidRequest', message: 'ownerExternalId and redirectUrl must be texts when given' };
  }
  if (redirectUrl !== undefined && !isHttpUrl(redirectUrl)) {
    return { error: 'InvalidRequest', message: 'redirectUrl must be an absolute http or https URL' };
  }
  const known = state.targetOf(target);
  if (!known) {
    return { error: 'UnknownTarget', message: `${target} is not in the AIS catalog` };
  }
  const mode = known.accessModes.find((candidate) => candidate === accessMode);
  if (mode === undefined) {
    return {
      error: 'UnsupportedAccessMode',
      message: `${known.id} supports the access modes ${known.accessModes.join(', ')}`,
    };
  }
  return {
    target: known,
    accessMode: mode,
    ownerExternalId: ownerExternalId || undefined,
    redirectUrl: redirectUrl || undefined,
  };
}

function page(title: string, message: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>`,
    `<body><p>${escapeXml(message)}</p></body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * The sandbox bank's sign-in page, which approves at once. The end user's browser opens
 * it, so it needs no API key: the session id in its path is the capability.
 */
export function createKontomatikBankPageRouter(state: KontomatikState, routes: KontomatikSignInRoutes): Router {
  const router = express.Router();

  router.get(routes.bankPage, (req, res) => {
    res.set('Cache-Control', 'no-store');
    const session = state.sessions.get(String(req.params.sessionId));
    if (!session) {
      res.status(404).type('html').send(page('Unknown sign-in', 'This sign-in is unknown. Start again from the app.'));
      return;
    }
    const status = state.sessions.approve(session);
    // Back to the app whatever the outcome: it asks redirection-status what happened.
    if (session.redirectUrl !== undefined) {
      const back = new URL(session.redirectUrl);
      back.searchParams.set('sessionId', session.id);
      res.redirect(302, back.toString());
      return;
    }
    const bank = session.target.name;
    if (status === 'COMPLETED') {
      res
        .status(200)
        .type('html')
        .send(page(bank, `Signed in at ${bank}. You can close this page.`));
      return;
    }
    const ended = status === 'EXPIRED' ? 'expired' : 'failed';
    res
      .status(410)
      .type('html')
      .send(page(bank, `This sign-in at ${bank} has ${ended}. Start again from the app.`));
  });

  return router;
}

/** `POST /signin/redirection` and `GET /signin/redirection-status`, in JSON. */
export function createKontomatikSignInRouter(state: KontomatikState, routes: KontomatikSignInRoutes): Router {
  const router = express.Router();

  router.post(routes.signIn, express.json({ limit: '8kb' }), (req, res) => {
    const request = parseSignIn(req.body, state);
    if ('error' in request) {
      respondError(res, 400, request.error, request.message);
      return;
    }
    const { session, signature } = state.sessions.start(request);
    // Absolute, on whatever host and port the sandbox was reached at.
    const bankPage = routes.bankPage.replace(':sessionId', session.id);
    const body: KontomatikSignInPayload = {
      sessionId: session.id,
      sessionIdSignature: signature,
      redirectUrl: `${req.protocol}://${req.get('host')}${req.baseUrl}${bankPage}`,
    };
    res.json(body);
  });

  router.get(routes.signInStatus, (req, res) => {
    const sessionId = paramOf(req.query, 'sessionId');
    if (!sessionId) {
      respondError(res, 400, 'InvalidRequest', 'sessionId is required');
      return;
    }
    const session = state.sessions.get(sessionId);
    if (!session) {
      respondError(res, 404, 'SessionNotFound', 'No sign-in session has this id');
      return;
    }
    const body: KontomatikSignInStatusPayload = { sessionId: session.id, status: state.sessions.statusOf(session) };
    res.json(body);
  });

  return router;
}
