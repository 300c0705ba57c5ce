import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Clock } from '@gl/domain';
import { type Harness, startApi } from '../../../../test/e2e/support/api-harness';

/** Debian's Chromium (`apt-get install -y chromium`); `npx playwright install` cannot download here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '../../../..');
/** Screenshots of the browser tests: CI keeps them as artefacts. */
export const ARTEFACTS = join(ROOT, 'test-artefacts', 'web');

export interface WebApp {
  api: Harness;
  url: string;
  browser: Browser;
  /**
   * A fresh browser profile of the given width (1366: a desktop; 390: a phone). With `now`, the
   * page's clock reads that instant (Date.now is fixed, timers still run), to match the api's FixedClock.
   */
  context: (width?: number, now?: Date) => Promise<BrowserContext>;
  close: () => Promise<void>;
}

/** The web app as the browser project's global setup built it (build-web.global-setup.js). */
const WEB_BUILD = join(ROOT, 'dist/web-test');

/** The api on a loopback port, serving a fresh build of the web app, and headless Chromium. */
export const startWebApp = async (env: Record<string, string> = {}, clock?: Clock): Promise<WebApp> => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(join(WEB_BUILD, 'index.html')))
    throw new Error(`no web build at ${WEB_BUILD}: run the browser tests through jest (its global setup builds it)`);
  // The contract check reads API answers; the app's pages and assets are not in the API document.
  const api = await startApi({ RATE_LIMIT_ENABLED: 'false', WEB_DIR: WEB_BUILD, ...env }, clock);
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  mkdirSync(ARTEFACTS, { recursive: true });
  return {
    api,
    url: `http://127.0.0.1:${port}`,
    browser,
    context: async (width = 1366, now?: Date) => {
      const ctx = await browser.newContext({
        viewport: { width, height: width < 800 ? 844 : 900 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      if (now) await ctx.clock.setFixedTime(now);
      return ctx;
    },
    close: async () => {
      await browser.close();
      await api.close();
    },
  };
};

/** Signs in on the sign-in page as one of the demo users. */
export const signInAsDemo = async (page: Page, url: string, displayName: RegExp | string) => {
  await page.goto(`${url}/sign-in`);
  await page.getByRole('button', { name: displayName }).click();
  await page.getByTestId('signed-in-as').waitFor();
};

/** The page's serious and critical accessibility violations (axe-core), as readable lines. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
};

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
