import { Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import type { Upstream } from '../../providers/http';
import { ProviderStatus } from './provider-status.type';

@Resolver(() => ProviderStatus)
export class ProviderResolver {
  @Query(() => [ProviderStatus], {
    description: 'Health and circuit state of every provider, as the gateway sees them.',
  })
  async providers(@Ctx() context: Context): Promise<Array<{ provider: string; healthy: boolean; circuit: string }>> {
    // Banks with a health endpoint are asked; every bank is also judged by its last calls.
    return Promise.all(
      context.providers.descriptors.map(async ({ name: provider }) => {
        const upstream = context.providers.upstreams[provider] as Upstream;
        const healthy = upstream.healthy() && (await context.providers.health(provider, context.signal));
        return { provider, healthy, circuit: upstream.circuit() };
      }),
    );
  }
}
