// Lighthouse on the main pages of a running Samenspel: accessibility must score 100 and best
// practices at least 95 on each (desktop preset, only these two categories). Prints every
// page's scores and the audits that cost points; exits 1 when a page is below target.
//
//   CHROME_PATH=/usr/bin/chromium node tests/browser/lighthouse.mjs http://127.0.0.1:18080
//
// The pages: the main menu's (home, collaborations, organisations, regions, staat, medebewind,
// UDO, knelpuntenmonitor, signals) and one collaboration and one organisation page (a demonstration
// collaboration, with its radar; Amsterdam).

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const base = (process.argv[2] || 'http://127.0.0.1:18080').replace(/\/$/, '');
const TARGETS = { accessibility: 100, 'best-practices': 95 };

// A demonstration collaboration (it has stances, so its page draws the radar), else the first.
async function aCollaboration() {
  const response = await fetch(`${base}/api/v1/collaborations?limit=200`);
  if (!response.ok) throw new Error(`GET /api/v1/collaborations: ${response.status}`);
  const { items } = await response.json();
  const chosen = items.find((c) => c.demo) || items[0];
  if (!chosen) throw new Error('no collaboration to look at');
  return `/samenwerkingen/${chosen.id}`;
}

// LIGHTHOUSE_PAGES=/a,/b looks at those paths instead.
const pages = process.env.LIGHTHOUSE_PAGES ? process.env.LIGHTHOUSE_PAGES.split(',') : [
  '/',
  '/samenwerkingen',
  await aCollaboration(),
  '/organisaties',
  '/organisaties/GM0363',
  '/regio',
  '/staat',
  '/medebewind',
  '/udo',
  '/knelpuntenmonitor',
  '/signalen',
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

const config = {
  ...desktopConfig,
  // Neither category measures speed: no simulated throttling, no full-page screenshot.
  settings: {
    ...desktopConfig.settings,
    onlyCategories: Object.keys(TARGETS),
    throttlingMethod: 'provided',
    disableFullPageScreenshot: true,
  },
};

let failed = 0;
const started = Date.now();
try {
  for (const path of pages) {
    const result = await lighthouse(
      `${base}${path}`,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      config,
    );
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      failed++;
      console.log(`FAIL ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      continue;
    }
    const scores = {};
    const below = [];
    for (const [category, target] of Object.entries(TARGETS)) {
      const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
      scores[category] = score;
      if (score < target) below.push(category);
    }
    const line = Object.entries(scores).map(([c, s]) => `${c} ${s}`).join(', ');
    console.log(`${below.length ? 'FAIL' : 'ok  '} ${path}: ${line}`);
    // Whatever cost points, also on pages that meet the target.
    for (const category of Object.keys(TARGETS)) {
      for (const ref of lhr.categories[category].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`       ${category}: ${ref.id} (${audit.title})`);
          for (const item of (audit.details?.items || []).slice(0, 5)) {
            const node = item.node?.snippet || item.source?.url || item.url || item.description || '';
            if (node) console.log(`         ${String(node).slice(0, 160)}`);
          }
        }
      }
    }
    if (below.length) failed++;
  }
} finally {
  await chrome.kill();
}

console.log(`${pages.length - failed} of ${pages.length} pages at target (accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS['best-practices']}) in ${Math.round((Date.now() - started) / 1000)}s`);
process.exit(failed ? 1 : 0);
