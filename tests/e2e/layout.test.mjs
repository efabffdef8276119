// layout.test.mjs - the layout never hides the explanation: at every supported size, text scale,
// language (and the pseudo-locale en-XA, longer than any) and theme, no text label or text block drawn
// in the last frame overlaps another and none is cut off (window.neurodrive.layout() reports each as
// {x, y, w, h, clipped}); the schematic labels every region (the five of the dopamine story at least in
// the smallest view), each beside what it names (its anchor), over no region, gland or page button.
// Screenshots of each case are saved for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, waitSim, stableTextProblems, schematicLabelProblems, pageToolsRect } from './harness.mjs';
import { until, frames } from './wait.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const cases = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x768-projector-150', width: 1024, height: 768, scale: 1.5, theme: 'projector' },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '2560x1440', width: 2560, height: 1440 },
  { name: '390x844', width: 390, height: 844, dpr: 2, touch: true },
  { name: '900x520', width: 900, height: 520 },
  { name: '400x300', width: 400, height: 300 },
  { name: '1366x768-200', width: 1366, height: 768, scale: 2.0 },
  { name: '1366x768-75', width: 1366, height: 768, scale: 0.75 },
];

for (const c of cases) {
  // en-XA: the pseudo-locale (every text about 40% longer, docs/TRANSLATING.md) stands in for a long language.
  for (const lang of ['en', 'es', 'en-XA']) {
    test(`${c.name} ${lang}: no text overlaps or is cut off, with a lesson step and without`, async () => {
      const query = `?persist=0&lang=${lang}${c.theme ? `&theme=${c.theme}` : ''}${c.scale ? `&scale=${c.scale}` : ''}`;
      const { page, context, errors } = await openApp(browser, srv.url, { ...c, query });
      assert.equal((await page.evaluate(() => window.neurodrive.get())).ui_scale, c.scale || 1, 'the text size applies');
      await page.evaluate(() => window.neurodrive.set({ thyroid: 0.3 }));
      await waitSim(page, 3);
      await frames(page, 3);
      assert.deepEqual(await stableTextProblems(page), [], 'scenario view');
      let layout = await page.evaluate(() => window.neurodrive.layout());
      assert.ok(Object.keys(layout).some((k) => k.startsWith('text:narration.')), "What's happening is on screen");
      assert.deepEqual(schematicLabelProblems(layout, await pageToolsRect(page)), [], 'schematic labels');
      const compact = !!layout['layout:compact'];
      const regions = compact ? ['vta', 'nac', 'pfc', 'lc', 'raphe'] : Object.keys(layout).filter((k) => k.startsWith('region:')).map((k) => k.slice(7));
      for (const id of regions) assert.ok(layout[`label:region.${id}`], `the ${id} label is on screen`);
      await screenshot(page, `layout-${c.name}-${lang}`);
      // A lesson step: the card and the narration both in view, nothing overlapping.
      await page.evaluate(() => window.neurodrive.reset());
      await page.goto(srv.url + query + '&lesson=learning_to_predict');
      await page.evaluate(() => window.neurodrive.ready.then(() => true));
      await frames(page, 6);
      assert.deepEqual(await stableTextProblems(page), [], 'lesson view');
      layout = await page.evaluate(() => window.neurodrive.layout());
      assert.deepEqual(schematicLabelProblems(layout, await pageToolsRect(page)), [], 'schematic labels, lesson view');
      if (c.width >= 560 || c.height >= 480) {
        // On a phone the lesson is a tab of its own: open it as a student would.
        const lessonTab = Object.keys(layout).find((k) => k.startsWith('tab:tab.short.lesson'));
        if (c.touch && !layout['text:lesson.question'] && lessonTab) {
          const t = layout[lessonTab];
          await page.touchscreen.tap(t.x + t.w / 2, t.y + t.h / 2);
          layout = await until(page, () => { const l = window.neurodrive.layout(); return l['text:lesson.explain'] ? l : null; });
        }
        // Every real language shows the question at once. The pseudo-locale (every text 40% longer) at 200%
        // text may need the card scrolled: the question must then be reached with the wheel, not cut off.
        if (lang === 'en-XA' && !layout['text:lesson.question'] && layout['text:lesson.explain']) {
          const e = layout['text:lesson.explain'];
          await page.mouse.move(e.x + e.w / 2, e.y + Math.min(e.h, 40) / 2);
          for (let i = 0; i < 12 && !layout['text:lesson.question']; i++) {
            await page.mouse.wheel(0, 100);
            await frames(page, 3);
            layout = await page.evaluate(() => window.neurodrive.layout());
          }
        }
        assert.ok(layout['text:lesson.question'], 'the lesson question is on screen');
      }
      await screenshot(page, `layout-${c.name}-${lang}-lesson`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
