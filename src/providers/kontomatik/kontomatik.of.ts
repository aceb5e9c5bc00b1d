import type { Context } from '../../context';
import type { KontomatikBank } from './kontomatik.descriptor';

/** Kontomatik's client among this request's providers. */
export function kontomatikOf(context: Pick<Context, 'providers'>) {
  return context.providers.bank<KontomatikBank>('KONTOMATIK').accounts;
}
