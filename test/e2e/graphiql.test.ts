import { existsSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { startGateway, type TestGateway } from '../support/gateway';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// In CI a missing browser is a broken machine, not a reason to skip.
const runs = hasChromium || Boolean(process.env.CI);

if (!runs) {
  console.warn(`GraphiQL browser test skipped: ${CHROMIUM} not installed`);
}

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

(runs ? describe : describe.skip)('GraphiQL in a browser', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
    }
    gateway = await startGateway();
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
    // On the context, so that workers' requests are seen too; WebSockets are not requests.
    context.on('request', (request) => requested.push(request.url()));
    page = await context.newPage();
    page.on('websocket', (socket) => requested.push(socket.url()));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await gateway?.close();
  });

  it('renders the editor with the first query and the demo headers, and runs it against the sandbox', async () => {
    // The page is ~9 MB of inlined JavaScript.
    await page.goto(`${gateway.url}/graphql`, { waitUntil: 'load', timeout: 45_000 });

    await page.locator('.graphiql-query-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('MyAccounts'),
      null,
      {
        timeout: 30_000,
      },
    );
    const query = await editorText(page, '.graphiql-query-editor');
    expect(query).toContain('query MyAccounts {');
    expect(query).toContain('accounts {');
    expect(query).toContain('iban');

    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    const headersEditor = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';
    await page.waitForFunction(
      (selector) => document.querySelector(`${selector} .view-lines`)?.textContent?.includes('sandbox-alice'),
      headersEditor,
      { timeout: 15_000 },
    );
    const headers = await editorText(page, headersEditor);
    expect(headers).toContain('"X-Kontist-Authorization": "Bearer sandbox-alice"');
    expect(headers).toContain('"X-Bankimport-Token": "sandbox-alice"');

    const sent = page.waitForRequest(
      (request) => request.method() === 'POST' && request.postData()?.includes('MyAccounts') === true,
      {
        timeout: 15_000,
      },
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

    await page.waitForFunction(
      () =>
        /"provider":\s*"KONTIST"/.test(
          document.querySelector('.graphiql-response .view-lines')?.textContent?.replace(/\u00a0/g, ' ') ?? '',
        ),
      null,
      { timeout: 20_000 },
    );
    const result = await editorText(page, '.graphiql-response');
    expect(result).toContain('"accounts": [');
    expect(result).toMatch(/"provider": "KONTIST"/);
    expect(result).toMatch(/"iban": "DE\d{20}"/);
    expect(result).not.toContain('"errors"');

    await page.screenshot({ path: '/tmp/graphiql.png' });

    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
  }, 60_000);
});
