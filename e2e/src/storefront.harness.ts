import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@bloom/testing';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { type ViteDevServer, createServer } from 'vite';

const STOREFRONT = fileURLToPath(new URL('../../clients/storefront/', import.meta.url));
/** Screenshots of browser tests, for people to look at (not compared). */
export const SCREENSHOTS = fileURLToPath(new URL('../../.local/screenshots/', import.meta.url));

export interface Storefront {
  url: string;
  browser: Browser;
  /** A fresh phone-sized browser context (its own storage: a new shopper). */
  phone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves the storefront with Vite's dev server (as `npm start` does) proxying /graphql to the
 * given gateway, and starts headless Debian Chromium through playwright-core.
 */
export async function startStorefront(gatewayUrl: string): Promise<Storefront> {
  const port = await freePort();
  const gatewayOrigin = new URL(gatewayUrl).origin;
  const vite: ViteDevServer = await createServer({
    root: STOREFRONT,
    configFile: `${STOREFRONT}vite.config.ts`,
    logLevel: 'silent',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      hmr: false,
      proxy: { '/graphql': { target: gatewayOrigin, ws: true, changeOrigin: true } },
    },
  });
  await vite.listen();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    browser,
    phone: async () => {
      const context = await browser.newContext({
        baseURL: url,
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'ko-KR',
        timezoneId: 'Asia/Seoul',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      return { context, page, errors };
    },
    shot: async (page, name) => {
      await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
    },
    close: async () => {
      await browser.close();
      await vite.close();
    },
  };
}
