import type { RequestHandler, Response } from 'express';
import type { KontistState } from './kontist.state';

/** Bearer is the current API; Basic is the legacy one, which answers in the legacy format. */
export interface KontistCaller {
  user: string;
  scheme: 'bearer' | 'basic';
}

function callerFrom(header: string | undefined, state: KontistState): KontistCaller | undefined {
  const match = /^(\w+) +(\S+)$/.exec(header?.trim() ?? '');
  if (!match) {
    return undefined;
  }
  const [, scheme, credentials] = match;
  switch (scheme.toLowerCase()) {
    case 'bearer': {
      const user =
        state.users.find((candidate) => candidate.bearerToken === credentials)?.name ??
        state.grants.userOfAccessToken(credentials);
      return user ? { user, scheme: 'bearer' } : undefined;
    }
    case 'basic': {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      const name = decoded.slice(0, separator);
      const password = decoded.slice(separator + 1);
      const user = state.users.find((candidate) => candidate.name === name && candidate.password === password);
      return separator > 0 && user ? { user: user.name, scheme: 'basic' } : undefined;
    }
    default:
      return undefined;
  }
}

export function createKontistAuth(state: KontistState): RequestHandler {
  return (req, res, next) => {
    const caller = callerFrom(req.get('authorization'), state);
    if (!caller) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    res.locals.kontistCaller = caller;
    next();
  };
}

export function kontistCallerOf(res: Response): KontistCaller {
  return res.locals.kontistCaller as KontistCaller;
}
