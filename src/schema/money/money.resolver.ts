import { FieldResolver, Resolver, Root } from 'type-graphql';

import { formatDecimal, type Money as MoneyValue } from '../../money';
import { Money } from './money.type';

@Resolver(() => Money)
export class MoneyResolver {
  @FieldResolver(() => String)
  decimal(@Root() money: MoneyValue): string {
    return formatDecimal(money);
  }
}
