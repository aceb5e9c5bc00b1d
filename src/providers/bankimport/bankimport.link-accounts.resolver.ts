import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError } from '../../errors/errors';
import type { BankimportBank } from './bankimport.descriptor';
import type { HbciLogin } from './bankimport.client';
import type { AccountRecord } from '../provider';
import { LinkBankAccountInput } from './bankimport.link.input';
import { Account } from '../../schema/account/account.type';

/** Bankimport's HBCI logins: the contract's operation that only Bankimport offers. */
@Resolver()
export class LinkAccountsResolver {
  @Mutation(() => [Account], { description: 'Links the accounts of an HBCI online-banking login (BANKIMPORT).' })
  linkBankAccounts(
    @Ctx() context: Context,
    @Arg('input', () => LinkBankAccountInput, { description: 'The HBCI login.' }) input: LinkBankAccountInput,
  ): Promise<AccountRecord[]> {
    const call = context.callFor('BANKIMPORT');
    return context.providers.bank<BankimportBank>('BANKIMPORT').accounts.linkAccounts(call, toHbciLogin(input));
  }
}

/** Checked before the secret goes anywhere; messages never repeat a value. */
function toHbciLogin(input: LinkBankAccountInput): HbciLogin {
  const text = (value: string, field: string, max: number) => {
    if (!value.trim() || value.length > max || /[\x00-\x1f\x7f]/.test(value)) {
      throw new BadUserInputError(field, `${field} must be 1 to ${max} characters without control characters.`);
    }
    return value;
  };
  if (!/^\d{8}$/.test(input.bankCode)) {
    throw new BadUserInputError('bankCode', 'bankCode must be a German bank code of 8 digits.');
  }
  const login: HbciLogin = {
    title: text(input.title, 'title', 100).trim(),
    bankCode: input.bankCode,
    username: text(input.username, 'username', 100),
    secret: text(input.secret, 'secret', 200),
  };
  if (input.customerNumber !== null && input.customerNumber !== undefined) {
    login.customerNumber = text(input.customerNumber, 'customerNumber', 50);
  }
  return login;
}
