#!/usr/bin/env node
// Answers the knelpuntenmonitor with the keyboard alone, in headless Chromium at 320 CSS pixels
// wide, on a page that has no script at all (checked: the test needs the browser's own
// JavaScript only to read which element has focus):
//
//   node tests/browser/keyboard-likert.mjs BASE_URL [WAVE]      (WAVE default demo-open)
//
// From the top of the answer form it presses Tab until the first layer radio has focus, picks
// a layer with the arrow keys, types a domain, then for each of the 24 statements tabs into its
// row and moves with the arrow keys to an answer (statement n gets answer ((n - 1) mod 5) + 1,
// the last one "weet niet"), checks after every key that the focused element is the expected
// radio and visible, tabs to the submit button and presses Enter. Passes when the thanks page
// follows and axe-core finds no violation on the form. Exits non-zero otherwise.

import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const [baseArg, waveArg] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node keyboard-likert.mjs BASE_URL [WAVE]');
  process.exit(2);
}
const BASE = new URL(baseArg.replace(/\/+$/, '') + '/');
const WAVE = waveArg ?? 'demo-open';
const VALUES = ['1', '2', '3', '4', '5', 'n'];

function fail(message) {
  throw new Error(message);
}

async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return {
      id: el.id,
      name: el.getAttribute('name'),
      value: el.getAttribute('value'),
      type: el.getAttribute('type'),
      checked: Boolean(el.checked),
      visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
    };
  });
}

async function expectFocus(page, id, what) {
  const f = await focused(page);
  if (!f || f.id !== id) fail(`${what}: focus on ${f ? `#${f.id || f.type}` : 'nothing'}, expected #${id}`);
  if (!f.visible) fail(`${what}: #${id} has focus but is not scrolled into view`);
  return f;
}

async function main() {
  const profileDir = mkdtempSync(join(tmpdir(), 'samenspel-keyboard-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=nl-NL'],
    viewport: { width: 320, height: 640 },
    locale: 'nl-NL',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const url = new URL(`/knelpuntenmonitor/${WAVE}/invullen`, BASE).href;
    const response = await page.goto(url);
    if (response.status() !== 200) fail(`${url} answered ${response.status()}`);
    const scripts = await page.evaluate(() => document.scripts.length);
    if (scripts !== 0) fail(`the form has ${scripts} script element(s); it must work without JavaScript`);

    // Tab from the top of the page to the first layer radio.
    let steps = 0;
    for (;;) {
      await page.keyboard.press('Tab');
      steps += 1;
      const f = await focused(page);
      if (f && f.name === 'layer') break;
      if (steps > 100) fail('the layer question cannot be reached with Tab');
    }
    await expectFocus(page, 'f-layer-rijk', 'first layer radio');
    await page.keyboard.press('ArrowDown');
    const layer = await expectFocus(page, 'f-layer-provincie', 'ArrowDown in the layer group');
    if (!layer.checked) fail('ArrowDown did not choose provincie');
    await page.keyboard.press('Tab');
    await expectFocus(page, 'f-domain', 'Tab to the domain field');
    await page.keyboard.type('wonen');

    for (let n = 1; n <= 24; n += 1) {
      const id = `S${String(n).padStart(2, '0')}`;
      const answer = n === 24 ? 'n' : VALUES[(n - 1) % 5];
      await page.keyboard.press('Tab');
      // Tab enters a group with nothing chosen at its first radio; Space chooses it.
      await expectFocus(page, `a-${id}-1`, `Tab into statement ${n}`);
      await page.keyboard.press('Space');
      for (let i = 0; i < VALUES.indexOf(answer); i += 1) {
        await page.keyboard.press('ArrowRight');
      }
      const f = await expectFocus(page, `a-${id}-${answer}`, `statement ${n}, answer ${answer}`);
      if (!f.checked) fail(`statement ${n}: answer ${answer} has focus but is not chosen`);
    }
    await page.keyboard.press('Tab');
    const submit = await focused(page);
    if (!submit || submit.type !== 'submit') fail(`after the last statement focus is on #${submit?.id}, not the submit button`);

    const axeSource = readFileSync(join(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource).catch(() => {});
    const violations = await page
      .evaluate(async () => {
        if (!window.axe) return null;
        const r = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×)`);
      })
      .catch(() => null);

    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    if (!page.url().includes(`/knelpuntenmonitor/${WAVE}/bedankt`)) {
      fail(`Enter on the submit button led to ${page.url()}, not the thanks page`);
    }
    if (violations && violations.length > 0) fail(`axe-core on the form: ${violations.join('; ')}`);
    console.log(
      `keyboard: the form of ${WAVE} answered with Tab, Space and arrow keys at 320 px, no script on the page (${steps} Tabs to the first question)${violations ? '; axe-core: 0 violations' : ''}`,
    );
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`keyboard check failed: ${e.message}`);
  process.exit(1);
});
