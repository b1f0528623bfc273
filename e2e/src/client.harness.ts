import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADMIN_ACCOUNT, freePort } from '@bloom/testing';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  chromium,
} from 'playwright-core';
import { type ViteDevServer, createServer } from 'vite';

/** Screenshots of browser tests, for people to look at (not compared). */
export const SCREENSHOTS = fileURLToPath(new URL('../../.local/screenshots/', import.meta.url));

export interface BrowserTab {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of the page, to assert there were none. */
  errors: string[];
}

export interface ClientApp {
  url: string;
  browser: Browser;
  /** A fresh phone-sized (390×844) browser context (its own storage: a new person). */
  phone(): Promise<BrowserTab>;
  /** A fresh tablet-sized (768×1024) browser context. */
  tablet(): Promise<BrowserTab>;
  /** A fresh desktop-sized (1440×900) browser context, what operations staff use. */
  desktop(): Promise<BrowserTab>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** The client workspaces under clients/ that have a Vite app. */
export type ClientName = 'storefront' | 'seller' | 'admin';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const TABLET: BrowserContextOptions = {
  viewport: { width: 768, height: 1024 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
};

const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
};

/**
 * Serves one client (clients/<name>) with Vite's dev server (as `npm start` does) proxying
 * /graphql (and the gateway's /ops, /images and /uploads) to the given gateway, and starts headless Debian Chromium through playwright-core.
 */
export async function startClient(name: ClientName, gatewayUrl: string): Promise<ClientApp> {
  const root = fileURLToPath(new URL(`../../clients/${name}/`, import.meta.url));
  const port = await freePort();
  const gatewayOrigin = new URL(gatewayUrl).origin;
  const vite: ViteDevServer = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    logLevel: 'silent',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      hmr: false,
      proxy: {
        '/graphql': { target: gatewayOrigin, ws: true, changeOrigin: true },
        '/ops': { target: gatewayOrigin, changeOrigin: true },
        '/images': { target: gatewayOrigin, changeOrigin: true },
        '/uploads': { target: gatewayOrigin, changeOrigin: true },
      },
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
      // Native date and month inputs follow the browser's UI language, not the page's locale.
      '--lang=ko-KR',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  const open = async (device: BrowserContextOptions): Promise<BrowserTab> => {
    const context = await browser.newContext({
      ...device,
      baseURL: url,
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
  };
  return {
    url,
    browser,
    phone: () => open(PHONE),
    tablet: () => open(TABLET),
    desktop: () => open(DESKTOP),
    shot: async (page, shotName) => {
      await page.screenshot({ path: `${SCREENSHOTS}${shotName}.png`, fullPage: true });
    },
    close: async () => {
      await browser.close();
      await vite.close();
    },
  };
}

/**
 * Signs the sky-garden seller (`skyGardenSeller` in actors.ts) in on the sign-in page `path`
 * redirects to, and waits for the page's heading.
 */
export async function signInSeller(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('이메일').fill('sky@bloom.test');
  await page.getByLabel('비밀번호').fill('flowers123');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

/**
 * Signs the platform admin (`ADMIN_ACCOUNT`) in to the admin dashboard on the sign-in page
 * `path` redirects to, and waits for the page's heading.
 */
export async function signInAdmin(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  // The first page of a fresh Vite server waits for its dependency pre-bundling.
  await page.getByLabel('이메일').waitFor({ timeout: 60_000 });
  await page.getByLabel('이메일').fill(ADMIN_ACCOUNT.email);
  await page.getByLabel('비밀번호').fill(ADMIN_ACCOUNT.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}
