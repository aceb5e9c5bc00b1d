import { existsSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { AccountTransactionsDocument, AccountsDocument, RefreshAccountDocument } from '../generated/graphql';
import { alice, startGateway, type TestGateway } from '../support/gateway';
import { aliceConnection } from '../support/subscriptions';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// In CI a missing browser is a broken machine, not a reason to skip.
const runs = hasChromium || Boolean(process.env.CI);

if (!runs) {
  console.warn(`GraphiQL browser test skipped: ${CHROMIUM} not installed`);
}

/** The example the first query's comment shows. */
const TRANSACTION_ADDED = 'subscription { transactionAdded { id amount { decimal } purpose } }';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';

/** What the page may reach: the gateway on loopback, and in-page resources. */
function isLocal(url: string): boolean {
  return /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//.test(url) || /^(blob|data|about):/.test(url);
}

/** Monaco renders only the lines in view, with non-breaking spaces. */
function editorText(page: Page, selector: string): Promise<string> {
  return page
    .locator(`${selector} .view-lines`)
    .first()
    .innerText()
    .then((text) => text.replace(/\u00a0/g, ' '));
}

/** Waits until an editor's visible text matches. */
async function waitForEditor(page: Page, selector: string, pattern: RegExp, timeout: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, source, flags }) =>
      new RegExp(source, flags).test(
        document.querySelector(`${selector} .view-lines`)?.textContent?.replace(/\u00a0/g, ' ') ?? '',
      ),
    { selector, source: pattern.source, flags: pattern.flags },
    { timeout },
  );
}

/** Polls a condition outside the page until it holds, failing after `timeoutMs`. */
async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface GraphiQLPage {
  page: Page;
  /** Every URL the page requested, WebSockets included. */
  requested: string[];
  /** Every graphql-ws message the page sent, in order, over all its sockets. */
  sent: Array<{ type: string; payload?: unknown }>;
  /** Uncaught errors in the page. */
  errors: string[];
}

(runs ? describe : describe.skip)('GraphiQL in a browser', () => {
  const POLL_MS = 150;
  let gateway: TestGateway;
  let browser: Browser;
  let context: BrowserContext;
  /**
   * The one GraphiQL page the tests use, in order, as a developer would: each opening of
   * GraphiQL costs the browser 6 to 7 s of CPU (its renderer compiling GraphiQL and Monaco
   * and their workers).
   */
  let graphiql: GraphiQLPage;

  /** GraphiQL in a new page, on storage as a first visit finds it (GraphiQL keeps its tabs in localStorage). */
  async function openGraphiQL(): Promise<GraphiQLPage> {
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.clear());
    const requested: string[] = [];
    const sent: GraphiQLPage['sent'] = [];
    page.on('request', (request) => requested.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('websocket', (socket) => {
      requested.push(socket.url());
      socket.on('framesent', ({ payload }) => sent.push(JSON.parse(payload.toString())));
    });
    await page.goto(`${gateway.url}/graphql`, { waitUntil: 'load', timeout: 45_000 });
    await page.locator('.graphiql-query-editor .view-lines').first().waitFor({ timeout: 30_000 });
    return { page, requested, sent, errors };
  }

  const connectionInits = (opened: GraphiQLPage) =>
    opened.sent.filter((message) => message.type === 'connection_init').map((message) => message.payload);

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
    }
    gateway = await startGateway({ TRANSACTION_POLL_MS: String(POLL_MS) }, { importMs: 300 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    graphiql = await openGraphiQL();
  }, 90_000);

  afterAll(async () => {
    await graphiql?.page.close();
    await browser?.close();
    await gateway?.close();
  });

  it('renders the editor with the first query and the demo headers, and runs it against the sandbox', async () => {
    const { page } = graphiql;
    await waitForEditor(page, '.graphiql-query-editor', /MyAccounts/, 30_000);
    const query = await editorText(page, '.graphiql-query-editor');
    expect(query).toContain('query MyAccounts {');
    expect(query).toContain('accounts {');
    expect(query).toContain('iban');
    expect(query).toContain(`#   ${TRANSACTION_ADDED}`);

    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await waitForEditor(page, HEADERS_EDITOR, /sandbox-alice/, 15_000);
    const headers = await editorText(page, HEADERS_EDITOR);
    expect(headers).toContain('"X-Kontist-Authorization": "Bearer sandbox-alice"');
    expect(headers).toContain('"X-Bankimport-Token": "sandbox-alice"');

    const sent = page.waitForRequest(
      (request) => request.method() === 'POST' && request.postData()?.includes('MyAccounts') === true,
      { timeout: 15_000 },
    );
    await page.locator('.graphiql-execute-button').click();
    const execution = await sent;
    expect(execution.headers()['x-kontist-authorization']).toBe('Bearer sandbox-alice');
    expect(execution.headers()['x-bankimport-token']).toBe('sandbox-alice');
    const response = await execution.response();
    expect(response?.status()).toBe(200);
    const body = (await response?.json()) as {
      data?: { accounts: Array<{ provider: string; iban: string }> };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.accounts.length).toBeGreaterThan(0);

    await waitForEditor(page, '.graphiql-response', /"provider":\s*"KONTIST"/, 20_000);
    const result = await editorText(page, '.graphiql-response');
    expect(result).toContain('"accounts": [');
    expect(result).toMatch(/"provider": "KONTIST"/);
    expect(result).toMatch(/"iban": "DE\d{20}"/);
    expect(result).not.toContain('"errors"');

    expect(graphiql.requested.length).toBeGreaterThan(0);
    expect(graphiql.requested.filter((url) => !isLocal(url))).toEqual([]);
    // Queries go over HTTP: the page opened no WebSocket.
    expect(graphiql.sent).toEqual([]);
    expect(graphiql.errors).toEqual([]);
  }, 60_000);

  it('sends the Headers tab in connection_init, so that transactionAdded shows what a Bankimport refresh brings; each next subscription uses the tab as edited: emptied, UNAUTHENTICATED; names in any case, mapped onto the connection_init keys', async () => {
    const bankimportOnly = { 'X-Bankimport-Token': alice['X-Bankimport-Token'] };
    const accounts = (await gateway.gql(AccountsDocument, {}, bankimportOnly)).body.data!.accounts;
    const accountId = accounts.find((account) => account.provider === 'BANKIMPORT')!.id;
    const newest = async () =>
      (
        await gateway.gql(AccountTransactionsDocument, { id: accountId, first: 20 }, alice)
      ).body.data!.account!.transactions.edges.map((edge) => edge.node.id);
    const before = await newest();

    const { page } = graphiql;
    const execute = page.locator('.graphiql-execute-button');
    const completed = () => graphiql.sent.filter((message) => message.type === 'complete').length;
    const replaceText = async (editor: string, text: string) => {
      await page.locator(`${editor} .view-lines`).first().click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.waitForFunction(
        (selector) => document.querySelector(`${selector} .view-lines`)?.textContent?.trim() === '',
        editor,
        { timeout: 10_000 },
      );
      // Typed into Monaco, which closes brackets and quotes itself: inserted as text instead.
      await page.keyboard.insertText(text);
    };
    const editHeaders = (text: string) => replaceText(HEADERS_EDITOR, text);

    // The example the first query's comment shows, in place of the query. GraphiQL takes
    // in an edit a moment later (debounced): until then, Run would send the new text under
    // the old operation's name, MyAccounts. Its saved tab state tells when it has.
    await replaceText('.graphiql-query-editor', TRANSACTION_ADDED);
    await page.waitForFunction(
      (query) => {
        const { tabs, activeTabIndex } = JSON.parse(localStorage.getItem('graphiql:tabState') ?? '{"tabs":[]}');
        const tab = tabs[activeTabIndex];
        return tab?.query === query && tab.operationName === null;
      },
      TRANSACTION_ADDED,
      { timeout: 10_000 },
    );
    await gateway.resetStats();
    await execute.click();

    // Bankimport has one feed, read once a look; the poller's first look only learns
    // what is there, so the refresh starts once a second look has begun.
    await waitUntil(
      'two looks at the Bankimport feed',
      async () => ((await gateway.stats())['BANKIMPORT GET /api/v1/transactions'] ?? 0) >= 2,
    );
    const refresh = await gateway.gql(RefreshAccountDocument, { accountId }, alice);
    expect(refresh.body.errors).toBeUndefined();

    await waitForEditor(page, '.graphiql-response', /"transactionAdded"/, 20_000);
    const result = await editorText(page, '.graphiql-response');
    expect(result).not.toContain('"errors"');
    expect(result).toMatch(/"decimal": "-?\d+\.\d{2}"/);
    const announced = /"id": "([^"]+)"/.exec(result)?.[1];
    const fresh = (await newest()).filter((id) => !before.includes(id));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh).toContain(announced);

    expect(connectionInits(graphiql)).toEqual([aliceConnection]);
    // The credentials travel in connection_init only, not in every subscribe message.
    const subscribe = graphiql.sent.find((message) => message.type === 'subscribe');
    expect(JSON.stringify(subscribe)).not.toContain('sandbox-alice');

    // The same button stops it.
    await execute.click();
    await waitUntil('the subscription to stop', () => completed() === 1);

    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await waitForEditor(page, HEADERS_EDITOR, /sandbox-alice/, 15_000);
    await editHeaders('');
    await execute.click();
    await waitForEditor(page, '.graphiql-response', /"code": "UNAUTHENTICATED"/, 20_000);
    const refused = await editorText(page, '.graphiql-response');
    expect(refused).not.toContain('"transactionAdded": {');
    expect(connectionInits(graphiql)).toEqual([aliceConnection, {}]);

    await editHeaders(JSON.stringify({ 'x-bankimport-token': 'sandbox-bob', 'X-Other': 'not a credential' }));
    await execute.click();
    await waitUntil('a third connection_init', () => connectionInits(graphiql).length === 3);
    expect(connectionInits(graphiql)).toEqual([aliceConnection, {}, { bankimportToken: 'sandbox-bob' }]);
    expect(graphiql.requested.filter((url) => !isLocal(url))).toEqual([]);
    expect(graphiql.errors).toEqual([]);
  }, 90_000);
});
