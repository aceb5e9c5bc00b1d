import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError } from '../../errors/errors';
import type { BankRecord } from './kontomatik.mapper';
import { Bank } from './kontomatik.bank.type';
import { kontomatikOf } from './kontomatik.of';

/** Kontomatik's catalog of banks that its sign-in sessions can target. */
@Resolver(() => Bank)
export class KontomatikBankResolver {
  @Query(() => [Bank], { description: 'Banks that sign-in sessions can target.' })
  async banks(
    @Ctx() context: Context,
    @Arg('country', () => String, { nullable: true, description: 'Only banks of this ISO-3166 country, e.g. PL.' })
    country?: string,
  ): Promise<BankRecord[]> {
    if (country != null && !/^[A-Za-z]{2}$/.test(country)) {
      throw new BadUserInputError('country', 'country must be a two-letter ISO-3166 code.');
    }
    const banks = await kontomatikOf(context).banks();
    const wanted = country?.toUpperCase();
    return wanted ? banks.filter((bank) => bank.country === wanted) : banks;
  }
}
