// perf.test.mjs - drawing on demand and real time (issue 15): a paused, idle page submits no frames and
// wakes on real input and on API calls; at 1x simulated time follows the wall clock; and drawing on
// demand changes nothing the app computes or shows. Retained drawing (issue 21): an animating frame at
// 1366x768 stays within its vertex budget, and when frames run late the slow parts refresh less often
// but never show a picture 0.1 s old. Frames are counted with neurodrive.stats().frames.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openApp, get, SCREENSHOTS } from './harness.mjs';
import { simSeconds } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const frames = async (page) => (await page.evaluate(() => window.neurodrive.stats())).frames;

// Waits until no frame has been drawn for quietMs; fails if the page keeps drawing for timeoutMs.
async function waitStill(page, what, quietMs = 1000, timeoutMs = 15000) {
  const start = Date.now();
  let last = await frames(page), since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() - start > timeoutMs) {
      throw new assert.AssertionError({ message: `${what}: the page was still drawing frames ${timeoutMs / 1000} s later (frame ${last})` });
    }
    await page.waitForTimeout(100);
    const f = await frames(page);
    if (f !== last) { last = f; since = Date.now(); }
  }
  return last;
}

// Frames drawn after an action (run once): waits until at least `atLeast` more have been drawn, or for ms;
// returns how many were drawn by then (fewer than atLeast only when the wait ran out).
async function framesAfter(page, action, atLeast = 1, ms = 5000) {
  const f0 = await frames(page);
  await action();
  await page.waitForFunction(([f, n]) => window.neurodrive.stats().frames >= f + n, [f0, atLeast], { timeout: ms }).catch(() => {});
  return (await frames(page)) - f0;
}

// Opens the app, pauses it and waits until it stops drawing.
async function pausedAndStill(query = '?persist=0') {
  const opened = await openApp(browser, srv.url, { query });
  assert.equal((await opened.page.evaluate(() => window.neurodrive.pause())).ok, true);
  await waitStill(opened.page, 'after pause()');
  return opened;
}
// An empty spot of the canvas at 1366x768: the bottom-right corner, below "About this model".
const emptySpot = async (page) => { const c = await page.locator('#canvas').boundingBox(); return { x: c.x + c.width - 12, y: c.y + c.height - 12 }; };

test('paused with no input, the frame counter stands still for 2 s', async () => {
  const { page, context, errors } = await pausedAndStill();
  const f0 = await frames(page);
  await page.waitForTimeout(2000);
  const f1 = await frames(page);
  assert.equal(f1 - f0, 0, `paused with no input, ${f1 - f0} frames were drawn in 2 s (expected none)`);
  // Read-only calls are not changes: they must not wake a paused page either.
  await page.evaluate(() => { for (let i = 0; i < 20; i++) { window.neurodrive.get(); window.neurodrive.stats(); window.neurodrive.layout(); } });
  await page.waitForTimeout(1000);
  assert.equal(await frames(page), f1, 'get(), stats() and layout() do not make a paused page draw');
  assert.deepEqual(errors, []);
  await context.close();
});

test('paused: a real mouse move and a real click on the canvas draw frames, then the page goes still again', async () => {
  const { page, context, errors } = await pausedAndStill();
  const { x, y } = await emptySpot(page);
  const moved = await framesAfter(page, () => page.mouse.move(x, y, { steps: 4 }));
  assert.ok(moved > 0, `a mouse move over the canvas draws frames (${moved} drawn)`);
  await waitStill(page, 'after the mouse move');
  const clicked = await framesAfter(page, async () => { await page.mouse.down(); await page.waitForTimeout(50); await page.mouse.up(); });
  assert.ok(clicked > 0, `a mouse click on the canvas draws frames (${clicked} drawn)`);
  await waitStill(page, 'after the click');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, ...args] of [['set', { thyroid: 0.5 }], ['preset', 'hypothyroid'], ['event', 'cue'], ['play']]) {
  const what = `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
  test(`paused: the API call ${what} draws frames (the change is shown)`, async () => {
    const { page, context, errors } = await pausedAndStill();
    // The frame counter is read in the same task as the call, so no frame can slip in between.
    const r = await page.evaluate(([n, a]) => { const f0 = window.neurodrive.stats().frames; return { ok: window.neurodrive[n](...a).ok, f0 }; }, [name, args]);
    assert.equal(r.ok, true, `${what} is accepted`);
    const want = name === 'play' ? 5 : 1;  // play() animates: frame after frame
    await page.waitForFunction(([f, n]) => window.neurodrive.stats().frames >= f + n, [r.f0, want], { timeout: 5000 }).catch(() => {});
    const drawn = (await frames(page)) - r.f0;
    assert.ok(drawn >= want, `after ${what} on a paused, idle page, ${drawn} frames were drawn within 5 s (expected at least ${want})`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Frames longer than 0.25 s (a stalled or overloaded machine) skip the rest of their time and the clock
// line says how much (get().skipped_s): what was simulated plus what was skipped follows the wall clock
// however loaded the machine; on a machine that keeps up nothing is skipped.
test('at speed 1, simulated time plus the time the clock says it skipped follows the wall clock within 2% over 20 s', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.evaluate(() => { const n = window.neurodrive; n.play(); n.speed(1); n.autoTrials(true); });
  await simSeconds(page, 1);
  // Both clocks read in one task of the page: performance.now() and the model's time_s and skipped_s.
  const mark = () => page.evaluate(() => { const g = window.neurodrive.get(); return { wall_ms: performance.now(), sim_s: g.time_s, skipped_s: g.skipped_s, frames: window.neurodrive.stats().frames }; });
  const a = await mark();
  await simSeconds(page, 20, 120000);
  const b = await mark();
  const wall = (b.wall_ms - a.wall_ms) / 1000, sim = b.sim_s - a.sim_s, skipped = b.skipped_s - a.skipped_s;
  const fps = (b.frames - a.frames) / wall;
  assert.ok(Math.abs((sim + skipped) / wall - 1) <= 0.02,
    `simulated ${sim.toFixed(3)} s and skipped ${skipped.toFixed(3)} s in ${wall.toFixed(3)} s of wall time (ratio ${((sim + skipped) / wall).toFixed(4)}, at ${fps.toFixed(1)} frames/s); expected within 2%`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The same calls on a paused page - inputs, events, presets that run simulated days (ssri_weeks runs
// 21 days while paused: a deterministic step) - three ways: all at once with no frame between them,
// with the page gone idle (no frames) between them, and with frames forced between them by mouse moves.
const STEPS = [
  ['reset'],
  ['set', { dopamine: 0.7, thyroid: 0.6 }],
  ['event', 'cue'],
  ['preset', 'ssri_weeks'],
  ['set', { cortisol: 1.4 }],
  ['event', 'reward'],
  ['event', 'omit'],
  ['preset', 'ssri_weeks'],
  ['set', { testosterone: 0.5 }],
];
const call = (page, steps) => page.evaluate((list) => list.map(([name, ...args]) => window.neurodrive[name](...args).ok), steps);

async function runSteps(mode) {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0&paused=1' });
  const { x, y } = await emptySpot(page);
  await waitStill(page, `${mode}: after load, paused`);
  const results = [];
  if (mode === 'at once') {
    results.push(...await call(page, STEPS));
  } else {
    for (const s of STEPS) {
      results.push(...await call(page, [s]));
      if (mode === 'idle between') await waitStill(page, `${mode}: after ${s[0]}()`);
      else for (let i = 0; i < 8; i++) { await page.mouse.move(x - (i % 2) * 4, y); await page.evaluate(() => new Promise(requestAnimationFrame)); }
    }
  }
  // Highlights of a preset's sliders last 4 s of wall clock and draw while they fade: the page goes still after.
  await waitStill(page, `${mode}: at the end`);
  const state = await get(page);
  const png = await page.screenshot();
  const centre = (await page.evaluate(() => window.neurodrive.layout()))['button:play'].x - 10;  // where the left column ends
  await context.close();
  return { state, png, results, errors, centre };
}

test('drawing on demand changes nothing: the same calls give the same outputs and picture, idle or not', async () => {
  const a = await runSteps('at once');
  const b = await runSteps('idle between');
  const c = await runSteps('frames between');
  for (const r of [a, b, c]) assert.deepEqual(r.results, STEPS.map(() => true), 'every call was accepted');
  assert.ok(a.state.sim_day > 40, `the presets ran their simulated days while paused (sim_day ${a.state.sim_day})`);
  assert.equal(a.state.paused, true);
  // The whole state, every input and output to the last bit, including simulated time.
  assert.deepEqual(b.state, a.state, 'the state after the calls with idle (frameless) pauses between them equals that of the same calls made at once');
  assert.deepEqual(c.state, a.state, 'the state after the calls with frames drawn between them equals that of the same calls made at once');
  // The picture - schematic, plots, meter, narration, scroll positions - pixel for pixel, between the run
  // that went idle after each call and the run kept drawing by pointer moves. (The run without any frame
  // between the calls is compared by state only: ImGui scrolls to a preset's sliders in the frame after
  // it, so two presets within one frame legitimately leave another scroll position.)
  // The left column's slider list is left out: a preset's reveal scrolls it, and where a scroll that
  // hits the end of the list stops can differ by a few pixels with the frame timing (not the state).
  const pb = PNG.sync.read(b.png), pc = PNG.sync.read(c.png);
  const x0 = Math.max(b.centre, c.centre);
  let differ = 0;
  for (let y = 0; y < pb.height; y++) {
    for (let x = x0; x < pb.width; x++) {
      const i = (y * pb.width + x) * 4;
      if (pb.data[i] !== pc.data[i] || pb.data[i + 1] !== pc.data[i + 1] || pb.data[i + 2] !== pc.data[i + 2]) differ++;
    }
  }
  if (differ) { await fs.promises.writeFile(path.join(SCREENSHOTS, 'perf-idle-between.png'), b.png); await fs.promises.writeFile(path.join(SCREENSHOTS, 'perf-frames-between.png'), c.png); }
  assert.equal(differ, 0, `${differ} pixels differ between the picture after idle pauses and after continuous drawing (build/screenshots/perf-*.png)`);
  for (const r of [a, b, c]) assert.deepEqual(r.errors, []);
});

// Issue 21: what does not change between frames is drawn once into textures (the compositor), so an
// animating frame at 1366x768 draws at most this many vertices (counted by the app; deterministic for
// what the frame shows, not how fast it runs). Before: 25,690.
const VERTEX_BUDGET = 6000;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// stats() of the next `n` frames drawn, each read once after it was drawn.
async function frameStats(page, n) {
  const out = [];
  let f = await frames(page);
  while (out.length < n) {
    await page.waitForFunction((last) => window.neurodrive.stats().frames > last, f, { timeout: 10000 });
    const s = await page.evaluate(() => window.neurodrive.stats());
    f = s.frames;
    out.push(s);
  }
  return out;
}

for (const compare of [false, true]) {
  const budget = compare ? VERTEX_BUDGET * 1.6 : VERTEX_BUDGET;
  test(`animating at 1366x768${compare ? ' in compare mode' : ''} (auto trials), a frame draws at most ${budget} vertices; unchanged panels under what changed come from textures`, async () => {
    const { page, context, errors } = await openApp(browser, srv.url, { query: `?persist=0${compare ? '&compare=hypothyroid' : ''}` });
    await page.evaluate(() => { const n = window.neurodrive; n.play(); n.speed(1); n.autoTrials(true); });
    await page.waitForFunction(() => window.neurodrive.get().trials >= 1, null, { timeout: 30000 });  // a trial is under way: bursts, markers
    const s = await frameStats(page, 90);
    const drawn = s.map((x) => x.vertices), steady = s.map((x) => x.vertices_steady);
    // `vertices` counts what the frame drew, textures re-rendered in it included; `vertices_steady`
    // what it would draw with every unchanged panel from its texture (no re-render, no pacing).
    assert.ok(median(drawn) <= budget, `median ${median(drawn)} vertices drawn per frame (budget ${budget}); frames: ${drawn.join(' ')}`);
    const over = steady.filter((v) => v > budget);
    assert.ok(over.length <= s.length / 10, `${over.length} of ${s.length} frames over ${budget} vertices even with every unchanged panel from its texture: ${steady.join(' ')}`);
    assert.ok(median(s.map((x) => x.textures_shown)) >= 4, 'the controls, the panels\' frames and the schematic\'s outlines and labels come from textures');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The compositor keeps the frame and redraws only the tiles where something changed (compositor.cpp).
// Two promises: an animating frame redraws a small part of the screen, and the picture built up from
// such partial redraws equals the same state drawn whole (after a resize nothing is kept).
const stillFrames = (page) => page.evaluate(async () => {
  let last = -1, same = 0;
  while (same < 30) {  // 30 display frames without an app frame
    await new Promise((r) => requestAnimationFrame(r));
    const f = window.neurodrive.stats().frames;
    same = f === last ? same + 1 : 0;
    last = f;
  }
});
test('animating, a frame redraws only what changed (median under 35% of the screen), and the picture equals the same state drawn whole', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.evaluate(() => { const n = window.neurodrive; n.play(); n.speed(1); n.autoTrials(true); });
  await page.waitForFunction(() => window.neurodrive.get().trials >= 1, null, { timeout: 30000 });
  const s = await frameStats(page, 60);
  const shares = s.map((x) => x.redrawn_share);
  assert.ok(median(shares) < 0.35, `median share of the screen redrawn per frame ${median(shares).toFixed(3)}: ${shares.map((v) => v.toFixed(2)).join(' ')}`);
  await page.evaluate(() => window.neurodrive.pause());
  await stillFrames(page);
  const partial = await page.screenshot();
  // A new size: nothing is kept, the next frame is drawn whole.
  for (const width of [1365, 1366]) {
    const f0 = await frames(page);
    await page.setViewportSize({ width, height: 768 });
    await page.waitForFunction((f) => window.neurodrive.stats().frames > f, f0, { timeout: 10000 });
    await stillFrames(page);
  }
  const whole = await page.screenshot();
  // Compared: every pixel outside the plots' bodies, to within 16 of 255 per channel. A retained panel's
  // text is blended through its texture, which can round its anti-aliased edges by a few levels; what
  // a missed redraw leaves (a pulse, an old number, an old bar) differs by far more. The plots' bodies
  // are left out: their traces live in ring textures drawn a few columns at a time, whose line joints
  // differ slightly from the same trace drawn whole (the resize redraws the rings whole).
  const l = await page.evaluate(() => window.neurodrive.layout());
  const panel = l['panel:plots'];
  const titles = ['label:plot.dopamine', 'label:plot.firing', 'label:plot.rpe'].map((k) => l[k]).filter(Boolean);
  assert.equal(titles.length, 3, 'the three plots are in the layout');
  const bodies = titles.map((t, k) => ({ x0: t.x - 4, y0: t.y + t.h, x1: k + 1 < titles.length ? titles[k + 1].x - 4 : panel.x + panel.w, y1: panel.y + panel.h }));
  const inBody = (x, y) => bodies.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
  const a = PNG.sync.read(partial), b = PNG.sync.read(whole);
  let differ = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (inBody(x, y)) continue;
      if (Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2])) > 16) differ++;
    }
  }
  if (differ) { await fs.promises.writeFile(path.join(SCREENSHOTS, 'perf-partial.png'), partial); await fs.promises.writeFile(path.join(SCREENSHOTS, 'perf-whole.png'), whole); }
  assert.equal(differ, 0, `${differ} pixels differ between the picture redrawn in parts while animating and the same state drawn whole (build/screenshots/perf-partial.png, perf-whole.png)`);
  assert.deepEqual(errors, []);
  await context.close();
});

// (Simulated time under pacing: the real-time test above runs on this machine with pacing on.)
test('when frames run late the slow parts (plots, meter, clock) refresh less often, never showing a picture 0.1 s old', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.evaluate(() => { const n = window.neurodrive; n.play(); n.speed(1); n.autoTrials(true); });
  const s = await frameStats(page, 120);
  const stale = s.map((x) => x.slow_stale_ms);
  assert.ok(Math.max(...stale) < 100, `a slow layer showed a picture ${Math.max(...stale).toFixed(1)} ms old`);
  // Frames late (SwiftShader on shared cores, as here): some slow layer kept its picture for a frame.
  if (s.filter((x) => x.pacing).length > s.length / 2) assert.ok(stale.some((v) => v > 0), 'with frames late, no slow layer ever kept its picture');
  assert.deepEqual(errors, []);
  await context.close();
});
