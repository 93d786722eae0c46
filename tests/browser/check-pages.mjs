#!/usr/bin/env node
// Checks every page of a running Samenspel in headless Chromium (Debian's /usr/bin/chromium).
//
//   node tests/browser/check-pages.mjs http://127.0.0.1:18080
//
// Crawls same-origin <a href> links from BASE_URL + '/' (never submits a form), plus the paths
// in tests/browser/extra-pages.txt, and for each page checks:
//   - axe-core, tags wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice: no violation;
//   - the Nu HTML checker (vnu.jar) on the HTML as served (one java run for all pages): no error;
//   - exactly one <h1>, <html lang> set, a non-empty <title>;
//   - the HTTP status (200 for crawled pages; extra pages may name the status they expect);
//   - no console error, page error or failed sub-resource (CSP violations show up here);
//   - at 375 and 320 CSS pixels wide (phones; WCAG 1.4.10 reflow) nothing is wider than the
//     viewport outside a marked scroll container (.ss-table-wrap, .ss-scroll, a chart's box)
//     and no chart text is drawn smaller than 12 px; with
//     SCREENSHOT_DIR set, a full-page screenshot at 375 px of every page is saved there.
// On the first page it also presses Tab and checks that the skip link (a.ss-skip-link) gets
// focus and becomes visible.
// Ends with the line 'N passed, M failed' (pages) and exits non-zero when M > 0 or no page was
// checked.
//
// Environment: MAX_PAGES (default 300), PER_SHAPE (default 5: URLs visited per path shape,
// where numeric segments and codes such as GM0363 count as one shape), CHROMIUM (default
// /usr/bin/chromium), JAVA (default java).

import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const MAX_PAGES = Number(process.env.MAX_PAGES ?? 300);
const PER_SHAPE = Number(process.env.PER_SHAPE ?? 5);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const JAVA = process.env.JAVA ?? 'java';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
// The language switch (/taal/…) sets a cookie and returns to a page already queued; the run's
// language is chosen with SITE_LANGUAGE instead.
const SKIP_PREFIXES = ['/api/', '/assets/', '/taal/'];
const FILE_LINK = /\.(csv|json|svg|png|jpe?g|gif|webp|pdf|zip|xml|atom|odt|ods|docx|xlsx|txt|md|ico|css|js|map|geojson|ya?ml)$/i;
const PHONE_WIDTHS = [375, 320];

// Boxes that scroll sideways and say so (a shadow on the side where more waits): wide tables,
// and on phones the charts, which keep their labels at 12 px or more by staying wide.
const MARKED_SCROLL = '.ss-table-wrap, .ss-scroll, .ss-radar, .ss-chart-figure, .ss-triangle';

/** Evaluated in the page: up to five visible chart texts drawn smaller than 12 CSS pixels. */
function smallChartText() {
  const small = [];
  for (const t of document.querySelectorAll('svg text')) {
    const r = t.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const m = t.getScreenCTM();
    const scale = m ? Math.hypot(m.a, m.b) : 1;
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (size < 11.95) small.push(`'${(t.textContent ?? '').trim().slice(0, 30)}' ${size.toFixed(1)}px`);
  }
  return small.slice(0, 5);
}

/**
 * Evaluated in the page: null when nothing sticks out of the viewport, else the page's width
 * and up to five elements that stick out. An element inside a marked scroll container
 * (MARKED_SCROLL, scrolling sideways) or inside a box that clips its content
 * (visually hidden text) does not widen the page; one inside an unmarked scrolling box does
 * count: its extra columns are hidden without a cue.
 */
function overflowAt(marked) {
  const root = document.documentElement;
  const clientWidth = root.clientWidth;
  const contained = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === 'hidden' || ox === 'clip') return true;
      if ((ox === 'auto' || ox === 'scroll') && a.matches(marked)) return true;
    }
    return false;
  };
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const culprits = [...document.body.querySelectorAll('*')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > clientWidth + 1 && !contained(el);
    })
    .slice(0, 5)
    .map(describe);
  if (root.scrollWidth <= clientWidth + 1 && culprits.length === 0) return null;
  return { width: root.scrollWidth, culprits };
}

/**
 * Evaluated in the page: the scroll boxes that scroll sideways at this width but cannot be
 * reached with the keyboard (tabindex) or have no name (role region with aria-label or
 * aria-labelledby, or a figure with its figcaption): WCAG 2.1.1, axe's
 * scrollable-region-focusable at phone width.
 */
function unreachableScrollBoxes(marked) {
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  return [...document.querySelectorAll(marked)]
    .filter((el) => {
      const ox = getComputedStyle(el).overflowX;
      return (ox === 'auto' || ox === 'scroll') && el.scrollWidth > el.clientWidth + 1;
    })
    .filter((el) => {
      const focusable = el.tabIndex >= 0 || el.querySelector('a[href], input, select, textarea, button') !== null;
      const named = (el.getAttribute('role') === 'region'
        && Boolean(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
        || (el.tagName === 'FIGURE' && el.querySelector(':scope > figcaption') !== null);
      return !focusable || (el.tabIndex >= 0 && !named);
    })
    .slice(0, 5)
    .map(describe);
}

const baseArg = process.argv[2];
if (!baseArg) {
  console.error('usage: node check-pages.mjs BASE_URL');
  process.exit(2);
}
const BASE = new URL(baseArg.replace(/\/+$/, '') + '/');
const ORIGIN = BASE.origin;

function findVnuJar() {
  const candidates = [
    join(HERE, 'node_modules/vnu-jar/build/dist/vnu.jar'),
    join(HERE, 'node_modules/vnu-jar/build/vnu.jar'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`vnu.jar not found (looked for ${candidates.join(', ')}); run 'npm ci' in ${HERE}`);
  }
  return found;
}

function readExtraPages() {
  const file = join(HERE, 'extra-pages.txt');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const [path, status] = line.split(/\s+/);
      return { path: path.startsWith('/') ? path : '/' + path, expectStatus: status ? Number(status) : null };
    });
}

/** The key under which a URL counts towards PER_SHAPE. */
function shapeOf(url) {
  const segments = url.pathname.split('/').map((s) => {
    if (/^\d+$/.test(s)) return ':n';
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return ':uuid';
    if (/^[A-Za-z]{1,8}[-_]?\d+$/.test(s)) return ':code';
    return s;
  });
  const keys = [...new Set([...url.searchParams.keys()])].sort();
  return segments.join('/') + (keys.length ? '?' + keys.join('&') : '');
}

function normalise(href) {
  let url;
  try {
    url = new URL(href, BASE);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (SKIP_PREFIXES.some((p) => url.pathname.startsWith(p) || url.pathname + '/' === p)) return null;
  if (FILE_LINK.test(url.pathname)) return null;
  url.hash = '';
  return url;
}

const pathOf = (url) => url.pathname + url.search;

async function main() {
  const vnuJar = findVnuJar();
  const axeSource = readFileSync(join(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const profileDir = mkdtempSync(join(tmpdir(), 'samenspel-chromium-'));
  const htmlDir = mkdtempSync(join(tmpdir(), 'samenspel-html-'));

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
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    javaScriptEnabled: true,
  });

  const results = []; // { path, problems: [], file }
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);

    // SITE_LANGUAGE=en: every page as a visitor who chose English (the switch's cookie).
    if (process.env.SITE_LANGUAGE) {
      await context.addCookies([{ name: 'samenspel_taal', value: process.env.SITE_LANGUAGE, url: ORIGIN }]);
      console.log(`language: ${process.env.SITE_LANGUAGE}`);
    }

    // Signed in (LOGIN_EMAIL / LOGIN_PASSWORD), the pages show what a signed-in user sees:
    // the account menu, the sign-out and publication forms.
    if (process.env.LOGIN_EMAIL) {
      await page.goto(new URL('/inloggen', BASE).href);
      await page.fill('#f-email', process.env.LOGIN_EMAIL);
      await page.fill('#f-password', process.env.LOGIN_PASSWORD ?? '');
      await Promise.all([page.waitForNavigation(), page.click('form[action="/inloggen"] button[type=submit]')]);
      if (!(await page.content()).includes('Aangemeld als')) {
        throw new Error(`signing in as ${process.env.LOGIN_EMAIL} failed`);
      }
      console.log(`signed in as ${process.env.LOGIN_EMAIL}`);
    }

    let current = null; // the result being filled by the listeners
    page.on('console', (msg) => {
      if (!current || msg.type() !== 'error') return;
      const loc = msg.location()?.url ?? '';
      // Chromium asks for /favicon.ico by itself; a missing one is not the page's fault.
      if (/\/favicon\.ico$/.test(loc)) return;
      // The document's own non-200 status (the 404 page) is logged as a failed resource.
      if (/^Failed to load resource/.test(msg.text()) && loc && new URL(loc).href === current.url.href) return;
      current.problems.push(`console error: ${msg.text()}${loc ? ` (${loc})` : ''}`);
    });
    page.on('pageerror', (err) => {
      if (current) current.problems.push(`page error: ${err.message}`);
    });
    page.on('requestfailed', (req) => {
      if (current && req.url() !== current.url.href) {
        current.problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
      }
    });
    page.on('response', (res) => {
      if (current && res.status() >= 400 && res.url() !== current.url.href && !/\/favicon\.ico$/.test(res.url())) {
        current.problems.push(`sub-resource ${res.url()} answered ${res.status()}`);
      }
    });

    const queue = [];
    const seen = new Set();
    const shapeCount = new Map();
    const enqueue = (url, extra) => {
      const key = pathOf(url);
      if (seen.has(key)) return;
      if (!extra) {
        const shape = shapeOf(url);
        const n = shapeCount.get(shape) ?? 0;
        if (n >= PER_SHAPE) return;
        shapeCount.set(shape, n + 1);
      }
      seen.add(key);
      queue.push({ url, expectStatus: extra ? extra.expectStatus : 200, extra: Boolean(extra) });
    };

    enqueue(new URL('/', BASE), null);
    for (const e of readExtraPages()) {
      const url = new URL(e.path, BASE);
      url.hash = '';
      // null: any status below 500 is accepted
      enqueue(url, { expectStatus: e.expectStatus });
    }

    let first = true;
    while (queue.length > 0 && results.length < MAX_PAGES) {
      const item = queue.shift();
      const result = { path: pathOf(item.url), url: item.url, problems: [], file: null };
      results.push(result);
      current = result;

      let response;
      try {
        response = await page.goto(item.url.href, { waitUntil: 'load' });
      } catch (err) {
        result.problems.push(`could not load: ${err.message.split('\n')[0]}`);
        current = null;
        continue;
      }
      if (!response) {
        result.problems.push('no response');
        current = null;
        continue;
      }
      const status = response.status();
      if (item.expectStatus === null ? status >= 500 : status !== item.expectStatus) {
        result.problems.push(`HTTP status ${status}, expected ${item.expectStatus ?? 'below 500'}`);
      }
      const contentType = response.headers()['content-type'] ?? '';
      if (!contentType.startsWith('text/html')) {
        result.problems.push(`content-type is '${contentType}', not text/html`);
        current = null;
        continue;
      }

      // The HTML as served, for the Nu HTML checker.
      const body = await response.text();
      result.file = join(htmlDir, String(results.length).padStart(4, '0') + '.html');
      writeFileSync(result.file, body);

      // Structure.
      const facts = await page.evaluate(() => ({
        h1: document.querySelectorAll('h1').length,
        lang: document.documentElement.getAttribute('lang') ?? '',
        title: document.title.trim(),
        links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
      }));
      if (facts.h1 !== 1) result.problems.push(`has ${facts.h1} <h1> elements, expected exactly 1`);
      if (!facts.lang.trim()) result.problems.push('<html> has no lang attribute');
      if (!facts.title) result.problems.push('no <title> or an empty one');

      // axe-core (evaluated over the DevTools protocol, so the page's CSP does not stop it).
      try {
        await page.evaluate(axeSource);
        const axeResult = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          AXE_TAGS,
        );
        for (const v of axeResult.violations) {
          const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 10);
          const more = v.nodes.length > 10 ? ` (+${v.nodes.length - 10} more)` : '';
          const summary = (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim();
          result.problems.push(
            `axe ${v.id} [${v.impact}] ${v.help}\n      targets: ${targets.join(' | ')}${more}\n      ${summary}`,
          );
        }
      } catch (err) {
        result.problems.push(`axe-core could not run: ${err.message.split('\n')[0]}`);
      }

      // Phones: at 375 and 320 CSS pixels (WCAG 1.4.10 reflow) nothing is wider than the
      // viewport except inside a marked scroll container (.ss-table-wrap, .ss-scroll: a box
      // that says more columns wait); at 375 a screenshot of the whole page when SCREENSHOT_DIR
      // is set.
      for (const width of PHONE_WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const overflow = await page.evaluate(overflowAt, MARKED_SCROLL);
        const small = await page.evaluate(smallChartText);
        const unreachable = await page.evaluate(unreachableScrollBoxes, MARKED_SCROLL);
        if (unreachable.length > 0) {
          result.problems.push(
            `scroll box at ${width}px not reachable by keyboard or without a name (tabindex="0" role="region" aria-label): ${unreachable.join(', ')}`,
          );
        }
        if (small.length > 0) {
          result.problems.push(`chart text smaller than 12px at ${width}px: ${small.join(', ')}`);
        }
        if (overflow) {
          result.problems.push(
            `content wider than ${width}px outside a marked scroll container (page ${overflow.width}px wide): ${overflow.culprits.join(', ')}`,
          );
        }
        if (width === 375 && process.env.SCREENSHOT_DIR) {
          const name = (pathOf(item.url).replace(/^\/+/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'start') + '-375.png';
          await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, name), fullPage: true });
        }
      }
      await page.setViewportSize({ width: 1280, height: 900 });

      // Keyboard: the first Tab on the first page reaches the skip link, which becomes visible.
      if (first) {
        first = false;
        await page.goto(item.url.href, { waitUntil: 'load' });
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return { ok: false, what: 'nothing' };
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          return {
            ok: el.matches('a.ss-skip-link'),
            what: el.outerHTML.slice(0, 120),
            visible: r.width >= 10 && r.height >= 10 && cs.visibility !== 'hidden' && cs.clipPath === 'none' && Number(cs.opacity) > 0,
            inViewport: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
            href: el.getAttribute('href') ?? '',
          };
        });
        if (!focus.ok) {
          result.problems.push(`keyboard: the first Tab focuses ${focus.what}, not a.ss-skip-link`);
        } else {
          if (!focus.visible || !focus.inViewport) result.problems.push('keyboard: the focused skip link is not visible');
          const target = focus.href.startsWith('#') ? focus.href.slice(1) : '';
          const exists = target && (await page.evaluate((id) => Boolean(document.getElementById(id)), target));
          if (!exists) result.problems.push(`keyboard: the skip link's target '${focus.href}' does not exist`);
        }
      }

      // Links to follow (GET only: forms are never submitted).
      for (const href of facts.links) {
        const url = normalise(href);
        if (url) enqueue(url, null);
      }
      current = null;
    }
    if (queue.length > 0) {
      console.log(`note: stopped at MAX_PAGES=${MAX_PAGES}; ${queue.length} queued page(s) not checked`);
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }

  // The Nu HTML checker, once for all pages.
  const files = results.filter((r) => r.file);
  if (files.length > 0) {
    const run = spawnSync(JAVA, ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'json', ...files.map((r) => r.file)], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    let report = null;
    try {
      report = JSON.parse((run.stderr || '').trim() || (run.stdout || '').trim());
    } catch {
      report = null;
    }
    if (run.error || !report) {
      const why = run.error ? run.error.message : (run.stderr || run.stdout || '').slice(0, 2000);
      for (const r of files) r.problems.push(`Nu HTML checker did not run: ${why}`);
    } else {
      const byName = new Map(files.map((r) => [basename(r.file), r]));
      for (const m of report.messages ?? []) {
        if (m.type === 'info') continue;
        const name = m.url ? basename(new URL(m.url).pathname) : '';
        const target = byName.get(name);
        const where = m.lastLine ? ` (line ${m.lastLine}${m.firstColumn ? `, col ${m.firstColumn}` : ''})` : '';
        const extract = m.extract ? `\n      near: ${m.extract.replace(/\s+/g, ' ')}` : '';
        const text = `html ${m.type}${m.subType ? '/' + m.subType : ''}: ${m.message}${where}${extract}`;
        if (target) target.problems.push(text);
        else for (const r of files) r.problems.push(text);
      }
    }
  }
  rmSync(htmlDir, { recursive: true, force: true });

  let passed = 0;
  let failed = 0;
  for (const r of results) {
    r.problems = [...new Set(r.problems)];
    if (r.problems.length === 0) {
      passed += 1;
      console.log(`ok    ${r.path}`);
    } else {
      failed += 1;
      console.log(`FAIL  ${r.path}`);
      for (const p of r.problems) console.log(`    - ${p}`);
    }
  }
  if (results.length === 0) console.log('no page was checked');
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
