// lighthouse.test.mjs - Lighthouse's accessibility audit (npm lighthouse, Debian Chromium): 100 in
// each theme, at the phone and laptop sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './harness.mjs';

let srv, chrome;
before(async () => {
  srv = await startServer();
  chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await chrome?.kill(); await srv?.close(); });

for (const [theme, formFactor] of [['dark', 'desktop'], ['projector', 'desktop'], ['dark', 'mobile']]) {
  test(`Lighthouse accessibility 100: ${theme} theme, ${formFactor}`, async () => {
    const config = {
      extends: 'lighthouse:default',
      settings: {
        onlyCategories: ['accessibility'], formFactor,
        screenEmulation: formFactor === 'mobile' ? { mobile: true, width: 390, height: 844, deviceScaleFactor: 2, disabled: false }
          : { mobile: false, width: 1366, height: 768, deviceScaleFactor: 1, disabled: false },
        throttlingMethod: 'provided',
      },
    };
    const result = await lighthouse(`${srv.url}?theme=${theme}&persist=0`, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    const lhr = result.lhr;
    const score = Math.round(lhr.categories.accessibility.score * 100);
    fs.mkdirSync('build/lighthouse', { recursive: true });
    fs.writeFileSync(`build/lighthouse/a11y-${theme}-${formFactor}.json`, result.report);
    const failing = Object.values(lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary').map((a) => a.id);
    assert.equal(score, 100, `accessibility score ${score}; failing audits: ${failing.join(', ')}`);
    console.log(`# lighthouse accessibility (${theme}, ${formFactor}): ${score}`);
  });
}
