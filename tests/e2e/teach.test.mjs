// teach.test.mjs - teaching in a student's hands (issue 11): a click gives the canvas the keyboard,
// Escape closes dialogs, the "start here" hint on a first visit, the audio monitor driven by the
// model (with a recording stand-in for the Web Audio API, so no speakers are needed), the spoken scene
// and key-event announcements in the accessible mirror, ?scale= and a share link that carries the
// view and the lesson, and compact mode's "Full view".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, get, clickAt, rectOf, waitForRect } from './harness.mjs';
import { until, frames, simSeconds, steadyRect } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('a click on the canvas gives it the keyboard: a shortcut works right after, and Escape closes View settings', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.evaluate(() => document.getElementById('share').focus());  // focus starts elsewhere
  const r = await rectOf(page, 'region:nac');
  assert.ok(r, 'the accumbens is drawn');
  await clickAt(page, r);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  const second = (await page.evaluate(() => window.neurodrive.presets()))[1].id;
  await page.keyboard.press('2');  // 2: the second preset
  await until(page, (id) => window.neurodrive.get().preset === id, second).catch(() => {});
  assert.equal((await get(page)).preset, second, 'the shortcut 2 right after a click loads the second preset');
  const settings = await rectOf(page, 'button:settings');
  assert.ok(settings, 'the View settings button is drawn');
  await clickAt(page, settings);
  assert.ok(await waitForRect(page, 'settings:scale'), 'View settings opened');
  await page.keyboard.press('Escape');
  assert.equal(await waitForRect(page, 'settings:scale', { gone: true }), undefined, 'Escape closed View settings');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit shows a dismissable "start here" hint, once', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);  // top level, nothing stored: a first visit
  await steadyRect(page, 'button:start.dismiss').catch(() => {});
  await screenshot(page, 'start-hint-1366x768');
  const dismiss = await rectOf(page, 'button:start.dismiss');
  assert.ok(dismiss, 'the hint and its button are drawn on a first visit');
  await clickAt(page, dismiss);
  assert.equal(await rectOf(page, 'button:start.dismiss'), undefined, 'dismissed');
  await page.reload();
  await page.evaluate(() => window.neurodrive.ready);
  await until(page, () => window.neurodrive.layout()['region:nac']);  // a frame with the schematic drawn
  assert.equal(await rectOf(page, 'button:start.dismiss'), undefined, 'not shown on the next visit');
  assert.deepEqual(errors, []);
  await context.close();
});

// A stand-in for the Web Audio API that records what the audio monitor builds.
function fakeAudio() {
  const log = { clicks: 0, tones: [], suspended: 0, resumed: 0, contexts: 0, polls: {} };
  window.__audio = log;
  // Counts the page's timer callbacks by period (100 ms: the audio poll; 500 ms: the mirror and its
  // companions): "nothing was heard" is checked after the polls that would have played it.
  const setInterval0 = window.setInterval;
  window.setInterval = (fn, ms, ...rest) => setInterval0((...a) => { log.polls[ms] = (log.polls[ms] || 0) + 1; return fn(...a); }, ms, ...rest);
  const param = () => ({ value: 0, setValueAtTime() {}, linearRampToValueAtTime() {}, exponentialRampToValueAtTime() {}, cancelScheduledValues() {} });
  const node = () => ({ connect(n) { return n; }, disconnect() {} });
  class FakeContext {
    constructor() { log.contexts++; this.state = 'suspended'; this.sampleRate = 48000; this.destination = node(); this.t0 = performance.now(); }
    get currentTime() { return (performance.now() - this.t0) / 1000; }
    resume() { this.state = 'running'; log.resumed++; return Promise.resolve(); }
    suspend() { this.state = 'suspended'; log.suspended++; return Promise.resolve(); }
    createGain() { return { ...node(), gain: param() }; }
    createBuffer(ch, n) { return { getChannelData: () => new Float32Array(n) }; }
    createBufferSource() { return { ...node(), buffer: null, start() { log.clicks++; } }; }
    createOscillator() {
      const o = { ...node(), type: 'sine', frequency: { value: 0 }, start() { log.tones.push(o.frequency.value); }, stop() {} };
      return o;
    }
  }
  window.AudioContext = FakeContext;
}

test('sound: ?audio=on plays VTA spikes at the firing rate, distinct cue and reward tones, silence on reset and when hidden, nothing from sliders while paused', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(fakeAudio);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url + '?persist=0&audio=on');  // a link with state: no start hint
  await page.evaluate(() => window.neurodrive.ready);
  assert.equal((await get(page)).audio, true);
  await page.mouse.click(683, 384);  // a user gesture lets the browser start audio
  await until(page, () => window.__audio.resumed > 0 && window.__audio.clicks > 0);
  const c0 = await page.evaluate(() => window.__audio.clicks);
  const t0 = (await get(page)).time_s;
  await simSeconds(page, 3);
  const c1 = await page.evaluate(() => window.__audio.clicks);
  const t1 = (await get(page)).time_s;
  const rate = (c1 - c0) / (t1 - t0);
  const hz = (await get(page)).outputs.vta_rate_hz;
  assert.ok(rate > hz * 0.4 && rate < hz * 2.5, `clicks at ${rate.toFixed(1)}/s follow the VTA rate ${hz.toFixed(1)} Hz`);
  await page.evaluate(() => window.neurodrive.event('cue'));
  await until(page, () => window.__audio.tones.includes(660)).catch(() => {});
  await page.evaluate(() => window.neurodrive.event('reward'));
  await until(page, () => window.__audio.tones.includes(990)).catch(() => {});
  const tones = await page.evaluate(() => window.__audio.tones);
  assert.ok(tones.includes(660) && tones.includes(990), `a cue tone and a distinct reward tone: ${tones}`);
  // Paused: moving a slider makes no sound of its own.
  const polls = () => page.evaluate(() => window.__audio.polls[100] || 0);
  const afterPolls = async (n) => until(page, (k) => (window.__audio.polls[100] || 0) >= k, (await polls()) + n);
  await page.evaluate(() => window.neurodrive.pause());
  await afterPolls(2);   // what was scheduled before the pause has been played
  const p0 = await page.evaluate(() => window.__audio.clicks);
  for (let i = 0; i < 10; i++) await page.evaluate((v) => window.neurodrive.set({ dopamine: v }), i % 2 ? 0.4 : 1.6);
  await afterPolls(3);   // the audio poll ran after the slider moves
  assert.equal(await page.evaluate(() => window.__audio.clicks), p0, 'no clicks from slider movement');
  await page.evaluate(() => window.neurodrive.play());
  // Reset silences what was scheduled; a hidden tab suspends the context.
  const s0 = await page.evaluate(() => window.__audio.suspended);
  await page.evaluate(() => window.neurodrive.reset());
  await page.evaluate(() => { Object.defineProperty(document, 'hidden', { value: true, configurable: true }); document.dispatchEvent(new Event('visibilitychange')); });
  await until(page, (n) => window.__audio.suspended > n, s0).catch(() => {});
  assert.ok(await page.evaluate(() => window.__audio.suspended) > s0, 'hidden: audio suspended');
  const h0 = await page.evaluate(() => window.__audio.clicks);
  await afterPolls(5);   // the audio poll ran while hidden
  assert.equal(await page.evaluate(() => window.__audio.clicks), h0, 'hidden: no clicks');
  assert.deepEqual(errors, []);
  await context.close();
});

test('sound is off by default and turned on from the accessible mirror with the keyboard', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(fakeAudio);
  const page = await context.newPage();
  await page.goto(srv.url + '?persist=0&lang=en');
  await page.evaluate(() => window.neurodrive.ready);
  await until(page, () => (window.__audio.polls[500] || 0) >= 4);   // the mirror (which starts the sound when asked) ran twice
  assert.equal(await page.evaluate(() => window.__audio.contexts), 0, 'no audio context until asked');
  await page.focus('#a11y-audio');
  await page.keyboard.press('Space');
  await until(page, () => window.neurodrive.get().audio && window.__audio.clicks > 0).catch(() => {});
  assert.equal((await get(page)).audio, true);
  assert.ok(await page.evaluate(() => window.__audio.clicks) > 0, 'spikes heard');
  await context.close();
});

test('the spoken scene: "Describe the brain now" tells the pathways, drive and what to try; a trained cue burst is announced', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.focus('#a11y-describe');
  await page.keyboard.press('Enter');
  const scene = await page.locator('#a11y-scene').textContent();
  for (const words of [/mesolimbic/, /mesocortical/, /VTA/, /Drive is/, /Try next/]) assert.match(scene, words);
  assert.doesNotMatch(scene, /your brain/i);
  await page.evaluate(() => window.neurodrive.set({ dat_block: 0.8 }));
  await simSeconds(page, 1.5);   // the model moves on with the transporter blocked
  await page.keyboard.press('Enter');
  assert.notEqual(await page.locator('#a11y-scene').textContent(), scene, 'refreshed on request');
  // Train the cue, then one more cue: the announcer names the burst at the cue.
  await page.evaluate(() => window.neurodrive.reset());
  await page.evaluate(() => { window.neurodrive.speed(4); window.neurodrive.autoTrials(true); });
  // Every announcement is kept as it is made.
  await page.evaluate(() => {
    const a = document.getElementById('announcer');
    window.__said = [a.textContent];
    new MutationObserver(() => window.__said.push(a.textContent)).observe(a, { childList: true, characterData: true, subtree: true });
  });
  await until(page, () => window.__said.some((t) => /predicts the reward/.test(t)), null, 60000).catch(() => {});
  const said = new Set(await page.evaluate(() => window.__said));
  assert.ok([...said].some((t) => /predicts the reward/.test(t)), `announced: ${[...said].join(' | ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('?scale=1.5 sets the text size, and the share link carries scale, minimal UI and the lesson', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { width: 1024, height: 768, query: '?scale=1.5&ui=minimal&lesson=tonic_vs_phasic' });
  const s = await get(page);
  assert.equal(s.ui_scale, 1.5);
  assert.equal(s.minimal, true);
  assert.equal(s.lesson, 'tonic_vs_phasic');
  await screenshot(page, 'projector-1024x768-scale150-minimal-lesson');
  const link = await page.evaluate(() => window.neurodrive.shareLink());
  const q = new URL(link).searchParams;
  assert.equal(q.get('scale'), '1.5');
  assert.equal(q.get('ui'), 'minimal');
  assert.equal(q.get('lesson'), 'tonic_vs_phasic');
  const bad = await openApp(browser, srv.url, { query: '?scale=9' });
  assert.match(await bad.page.locator('#notice-text').textContent(), /scale/);
  assert.equal((await get(bad.page)).ui_scale, 1);
  await bad.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 400x300 iframe shows the compact view, and "Full view" opens this scenario in a new tab', async () => {
  const context = await browser.newContext({ viewport: { width: 500, height: 400 } });
  const page = await context.newPage();
  await page.setContent(`<iframe title="NeuroDrive" src="${srv.url}?preset=hypothyroid" width="400" height="300" style="border:0"></iframe>`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => window.neurodrive && window.neurodrive.ready);
  await frame.evaluate(() => window.neurodrive.ready);
  await until(frame, () => window.neurodrive.layout()['button:open_full']).catch(() => {});
  await screenshot(page, 'compact-400x300-full-view');
  const inFrame = (await frame.evaluate(() => window.neurodrive.layout()))['button:open_full'];
  assert.ok(inFrame, '"Full view" is drawn in the compact view');
  const box = await (await page.$('iframe')).boundingBox();
  const r = { ...inFrame, x: inFrame.x + box.x, y: inFrame.y + box.y };  // page coordinates
  const popup = context.waitForEvent('page', { timeout: 15000 });
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2, { steps: 2 });
  await frames(frame, 3);   // a click as a person makes it: the press lands frames after the move
  await page.mouse.down();
  await frames(frame, 3);
  await page.mouse.up();
  const tab = await popup;
  await tab.waitForLoadState();
  assert.match(tab.url(), /preset=hypothyroid/);
  await context.close();
});
