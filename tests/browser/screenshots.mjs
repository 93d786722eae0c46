#!/usr/bin/env node
// Full-page PNG screenshots of a running Samenspel in headless Chromium.
//
//   node tests/browser/screenshots.mjs BASE_URL OUTDIR [PATH | NAME=PATH ...]   (each may end in @WIDTH)
//
// Without paths: /, /organisaties, /samenwerkingen and the first collaboration linked from
// /samenwerkingen (saved as samenwerking.png), all 1280 pixels wide, and / at 360 pixels wide
// (start-360.png). A file is named after its path (/ is 'start', /organisaties/GM0363 is
// 'organisaties-GM0363') unless given as NAME=PATH; PATH@360 takes it 360 pixels wide.

import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [baseArg, outArg, ...pathArgs] = process.argv.slice(2);
if (!baseArg || !outArg) {
  console.error('usage: node screenshots.mjs BASE_URL OUTDIR [PATH | NAME=PATH ...]');
  process.exit(2);
}
const BASE = new URL(baseArg.replace(/\/+$/, '') + '/');
const OUT = resolve(outArg);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

function nameFor(path) {
  const clean = path.replace(/[?#].*$/, '').replace(/^\/+|\/+$/g, '');
  return clean === '' ? 'start' : clean.replace(/[^A-Za-z0-9_-]+/g, '-');
}

function parseShot(arg, width = 1280) {
  const at = arg.match(/@(\d+)$/);
  if (at) {
    width = Number(at[1]);
    arg = arg.slice(0, at.index);
  }
  const eq = arg.indexOf('=');
  if (eq > 0 && !arg.startsWith('/')) return { name: arg.slice(0, eq), path: arg.slice(eq + 1), width };
  return { name: nameFor(arg) + (width === 1280 ? '' : `-${width}`), path: arg, width };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'samenspel-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=nl-NL',
      '--hide-scrollbars',
    ],
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'nl-NL',
  });
  let failures = 0;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);

    let shots;
    if (pathArgs.length > 0) {
      shots = pathArgs.map((a) => parseShot(a));
    } else {
      shots = ['/', '/organisaties', '/samenwerkingen'].map((p) => parseShot(p));
      // The first collaboration on the list page, if there is one.
      try {
        await page.goto(new URL('/samenwerkingen', BASE).href, { waitUntil: 'load' });
        const href = await page.evaluate(() => {
          const a = [...document.querySelectorAll('main a[href]')].find((el) =>
            /^\/samenwerkingen\/[^/]+$/.test(new URL(el.href).pathname) && !el.href.endsWith('/nieuw'),
          );
          return a ? new URL(a.href).pathname : null;
        });
        if (href) shots.push({ name: 'samenwerking', path: href, width: 1280 });
      } catch (err) {
        console.log(`note: no collaboration found to screenshot (${err.message.split('\n')[0]})`);
      }
      shots.push({ name: 'start-360', path: '/', width: 360 });
    }

    for (const shot of shots) {
      await page.setViewportSize({ width: shot.width, height: 900 });
      const url = new URL(shot.path, BASE).href;
      const response = await page.goto(url, { waitUntil: 'load' });
      const status = response ? response.status() : 0;
      const file = join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${status === 200 ? 'wrote' : `wrote (HTTP ${status})`} ${file}  <- ${shot.path} at ${shot.width}px`);
      if (status >= 500 || status === 0) failures += 1;
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  process.exit(failures > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
