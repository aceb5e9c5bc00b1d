import request from 'supertest';

/**
 * How often the sandbox's Kontist booked a payment with this end-to-end id on alice's
 * account 4711: what the provider really did, whatever the gateway says.
 */
export async function kontistBookings(sandboxUrl: string, endToEndId: string): Promise<number> {
  const { body } = await request(sandboxUrl)
    .get('/kontist/api/accounts/4711/transactions')
    .set('Authorization', 'Bearer sandbox-alice')
    .set('Accept', 'application/vnd.kontist.transactionlist.v2.1+json');
  return (body.results as Array<{ e2eId: string | null }>).filter((t) => t.e2eId === endToEndId).length;
}
