import { Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import { providerNames } from '../../providers/provider-name';
import { ProviderStatus } from './provider-status.type';

@Resolver(() => ProviderStatus)
export class ProviderResolver {
  @Query(() => [ProviderStatus], {
    description: 'Health and circuit state of every provider, as the gateway sees them.',
  })
  async providers(@Ctx() context: Context): Promise<Array<{ provider: string; healthy: boolean; circuit: string }>> {
    // Kontomatik has a health endpoint: ask it; the others are judged by their last calls.
    const kontomatikUp = await context.providers.kontomatik.health(context.signal);
    return providerNames.map((provider) => {
      const upstream = context.providers.upstreams[provider];
      return {
        provider,
        healthy: upstream.healthy() && (provider !== 'KONTOMATIK' || kontomatikUp),
        circuit: upstream.circuit(),
      };
    });
  }
}
