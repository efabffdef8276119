// mirror.js - the accessible mirror: native controls beside the canvas, kept in sync both ways (inputs,
// events, presets, compare, settings, exports, Share, Start fresh, the narration, the spoken scene and
// the guided lesson), and the live region's announcements. Its controls are the user's own
// (from_user = 1): what they choose may be kept; locked ones are disabled. updateMirror() also carries
// the page texts (labels) in the UI language to the page's own buttons. Depends on the wasm edge and
// on the modules whose buttons it mirrors; none of them depends on it.
import { announcer, labels, el, setTextOf, setText, setLabels } from './page.js';
import { command, view, wasmText } from './edge.js';
import { api } from './api.js';
import { saveExport, showExports } from './exports.js';
import { shareButton, openBuilder } from './share.js';
import { hasSaved, persistActive, freshButton, startFresh } from './persist.js';
import { audioOn, syncAudio } from './sound.js';
import { fsButton, sendPageTools } from './page_tools.js';

const mirror = document.getElementById('a11y-mirror');
const mirrorInputs = new Map();
let mirrorBuilt = false, lastAnnouncement = 0;
const user = {
  set: (name, value) => command('nd_set_inputs', JSON.stringify({ [name]: value }), 1),
  event: (name) => command('nd_event', name, 1),
  preset: (id) => command('nd_preset', id, 1),
  compare: (spec) => command('nd_compare', spec, 1),
  reset: () => command('nd_reset', 1),
  togglePause: () => { const s = api.get(); return s && command(s.paused ? 'nd_play' : 'nd_pause', 1); },
  setting: (key, value) => command('nd_setting', key, value),
};
// A refused change is said aloud (the reason names the lock).
const said = (r) => { if (r && r.ok === false) announcer.textContent = r.error; };

function buildMirror(m) {
  mirror.replaceChildren();
  mirror.append(el('h2', { id: 'a11y-title' }, m.title), el('p', { id: 'a11y-summary' }, m.summary));
  const events = el('div', { role: 'group', id: 'a11y-events' });
  events.setAttribute('aria-label', m.labels.events);
  for (const e of m.events) {
    const b = el('button', { type: 'button', id: 'a11y-event-' + e.name, className: 'a11y-event' }, e.label);
    b.addEventListener('click', () => said(user.event(e.name)));
    events.append(b);
  }
  const play = el('button', { type: 'button', id: 'a11y-play' }, m.paused ? m.labels.play : m.labels.pause);
  play.addEventListener('click', () => said(user.togglePause()));
  const reset = el('button', { type: 'button', id: 'a11y-reset' }, m.labels.reset);
  reset.addEventListener('click', () => said(user.reset()));
  events.append(play, reset);
  const presetLabel = el('label', { htmlFor: 'a11y-preset', id: 'a11y-preset-label' }, m.labels.presets);
  const select = el('select', { id: 'a11y-preset' });
  select.append(el('option', { value: 'custom' }, m.labels.custom));
  for (const p of m.presets) select.append(el('option', { value: p.id }, p.title));
  select.addEventListener('change', () => { if (select.value !== 'custom') said(user.preset(select.value)); });
  // Compare mode: a second brain with the same events beside this one (off, or a preset).
  const compareLabel = el('label', { htmlFor: 'a11y-compare', id: 'a11y-compare-label' }, m.labels['compare.label']);
  const compare = el('select', { id: 'a11y-compare' });
  compare.append(el('option', { value: 'off' }, m.labels['compare.off']));
  for (const p of m.presets) compare.append(el('option', { value: p.id }, p.title));
  compare.addEventListener('change', () => said(user.compare(compare.value)));
  mirror.append(events, presetLabel, select, compareLabel, compare);
  mirrorInputs.clear();
  for (const i of m.inputs) {
    const id = 'a11y-in-' + i.name;
    const label = el('label', { htmlFor: id }, i.label);
    const input = el('input', { type: 'range', id, min: String(i.min * 100), max: String(i.max * 100), step: '1' });
    input.addEventListener('input', () => said(user.set(i.name, Number(input.value) / 100)));
    mirrorInputs.set(i.name, { input, label });
    mirror.append(label, input);
  }
  mirror.append(el('ul', { id: 'a11y-narration' }));
  // The spoken scene: the whole brain in words, on request (a screen reader reads it at once).
  const describe = el('button', { type: 'button', id: 'a11y-describe' }, m.labels['scene.button']);
  const scene = el('div', { id: 'a11y-scene' });
  scene.setAttribute('role', 'region');
  scene.setAttribute('aria-live', 'polite');
  scene.setAttribute('aria-labelledby', 'a11y-describe');
  describe.addEventListener('click', () => {
    const text = wasmText('nd_describe_scene');
    if (typeof text === 'string') scene.replaceChildren(...text.split('\n').filter(Boolean).map((t) => el('p', {}, t)));
  });
  mirror.append(describe, scene);
  // Exports, as on the page's Export menu (both from the registry of export kinds).
  const exports = el('div', { role: 'group', id: 'a11y-exports' });
  exports.setAttribute('aria-label', m.labels['page.export']);
  for (const k of m.exports) {
    const b = el('button', { type: 'button', id: 'a11y-export-' + k.kind, className: 'a11y-export' }, k.label);
    b.dataset.kind = k.kind;
    b.addEventListener('click', () => { const r = saveExport(k.kind); if (r.ok) announcer.textContent = labels['page.exported'].replace('%s', r.name); });
    exports.append(b);
  }
  // The scenario builder (the page's Share button): a link, an embed code and a QR code.
  const share = el('button', { type: 'button', id: 'a11y-share' }, m.labels['builder.button']);
  share.setAttribute('aria-haspopup', 'dialog');
  share.addEventListener('click', () => openBuilder(share));
  mirror.append(exports, share);
  // Page settings (the same as View settings on the canvas; C++ lists the table's user settings):
  // kept across visits where the page saves.
  const settings = el('fieldset', { id: 'a11y-settings' });
  settings.append(el('legend', { id: 'a11y-settings-legend' }));
  for (const item of m.settings) {
    const id = 'a11y-' + item.name, label = el('label', { htmlFor: id, id: id + '-label' });
    if (item.type === 'flag') {
      const box = el('input', { type: 'checkbox', id });
      box.addEventListener('change', () => { said(user.setting(item.name, box.checked ? 'on' : 'off')); syncAudio(); });
      label.className = 'inline';
      settings.append(box, label);
    } else {
      const select = el('select', { id });
      select.append(...item.options.map((o) => el('option', { value: o.value })));
      select.addEventListener('change', () => said(user.setting(item.name, select.value)));
      settings.append(label, select);
    }
  }
  const fresh = el('button', { type: 'button', id: 'a11y-start-fresh', hidden: true });
  fresh.addEventListener('click', startFresh);
  settings.append(fresh);
  mirror.append(settings);
  mirrorBuilt = true;
}

function lockedControl(e, reason) {
  e.disabled = !!reason;
  if (reason) e.title = reason; else e.removeAttribute('title');
}
// The mirror and the page's texts follow C++: every half second, and after anything the page changed.
export function updateMirror() {
  const m = view('nd_mirror_json');
  if (!m) return;
  setLabels(m.labels);
  document.documentElement.lang = m.lang;
  setTextOf(shareButton, m.labels['builder.button']);
  shareButton.title = m.labels['builder.button.tip'];
  showExports(m);
  document.getElementById('notice-close').setAttribute('aria-label', m.labels['page.dismiss']);
  fsButton.title = m.labels['page.fullscreen'];
  fsButton.setAttribute('aria-label', m.labels['page.fullscreen']);
  freshButton.title = `${m.labels['page.start_fresh']}: ${m.labels['page.start_fresh.tip']}`;
  freshButton.setAttribute('aria-label', m.labels['page.start_fresh']);
  freshButton.hidden = !persistActive() || !hasSaved;
  if (!mirrorBuilt) buildMirror(m);
  setText('a11y-title', m.title);
  setText('a11y-summary', m.summary);
  setText('a11y-play', m.paused ? m.labels.play : m.labels.pause);
  lockedControl(document.getElementById('a11y-play'), m.locked_reason.time);
  lockedControl(document.getElementById('a11y-reset'), m.locked_reason.reset);
  for (const b of mirror.querySelectorAll('.a11y-event')) lockedControl(b, m.locked_reason.events);
  const select = document.getElementById('a11y-preset');
  lockedControl(select, m.locked_reason.presets);
  if (document.activeElement !== select) select.value = m.presets.some((p) => p.id === m.preset) ? m.preset : 'custom';
  const compare = document.getElementById('a11y-compare');
  lockedControl(compare, m.locked_reason.reset);  // compare mode has the locks of Reset all (time, presets)
  setText('a11y-compare-label', m.labels['compare.label']);
  setTextOf(compare.options[0], m.labels['compare.off']);
  if (document.activeElement !== compare) compare.value = m.compare;
  for (const i of m.inputs) {
    const { input, label } = mirrorInputs.get(i.name);
    if (label.textContent !== i.label) label.textContent = i.label;
    input.disabled = i.locked;
    input.setAttribute('aria-valuetext', i.valuetext);
    if (document.activeElement !== input) input.value = String(Math.round(i.value * 100));
  }
  setText('a11y-settings-legend', m.labels['page.settings']);
  for (const item of m.settings) {
    const control = document.getElementById('a11y-' + item.name);
    setText('a11y-' + item.name + '-label', item.label);
    if (item.type === 'flag') control.checked = item.value;
    else {
      item.options.forEach((o, i) => setTextOf(control.options[i], o.label));
      if (document.activeElement !== control) control.value = item.value;
    }
  }
  setText('a11y-describe', m.labels['scene.button']);
  setText('a11y-share', m.labels['builder.button']);
  if (m.audio !== audioOn) syncAudio();
  sendPageTools();
  const fresh = document.getElementById('a11y-start-fresh');
  fresh.hidden = !persistActive();
  setText('a11y-start-fresh', m.labels['page.start_fresh']);
  updateLessonMirror();
  const list = document.getElementById('a11y-narration');
  list.replaceChildren(...m.narration.map((t) => el('li', {}, t)));
  // Key events (a burst at the cue, an omission dip) first: C++ throttles them in simulated time.
  const key = wasmText('nd_key_announcement');
  if (typeof key === 'string' && key) { announcer.textContent = key; lastAnnouncement = Date.now(); }
  // Announce meaningful changes, at most every 4 s, so a screen reader is never flooded.
  if (Date.now() - lastAnnouncement >= 4000) {
    const text = wasmText('nd_announcement');
    if (typeof text === 'string' && text) { announcer.textContent = text; lastAnnouncement = Date.now(); }
  }
}

// Guided lessons in the mirror: a keyboard or screen-reader user can run a whole lesson here.
let lessonSignature = '';
function lessonAction(action, option = 0) { command('nd_lesson', action, option); updateLessonMirror(); }
function updateLessonMirror() {
  const text = wasmText('nd_lessons_json');
  if (typeof text !== 'string' || text === lessonSignature) return;
  lessonSignature = text;
  const data = JSON.parse(text);
  const focusedId = document.activeElement && document.activeElement.id;
  let box = document.getElementById('a11y-lesson');
  if (!box) { box = el('section', { id: 'a11y-lesson' }); mirror.append(box); }
  box.replaceChildren();
  const L = data.labels;
  const a = data.active;
  if (!a) {
    box.append(el('h3', {}, L['lessons.title']));
    for (const l of data.list) {
      const b = el('button', { type: 'button', id: 'a11y-lesson-start-' + l.id }, `${L['lessons.start']}: ${l.title} (${l.done}/${l.steps})`);
      b.addEventListener('click', () => lessonAction('start:' + l.id));
      box.append(b);
    }
  } else {
    box.append(el('h3', {}, `${a.title} - ${a.step}/${a.steps}`), el('p', {}, a.explain));
    const fs = el('fieldset', { id: 'a11y-lesson-question' });
    fs.append(el('legend', {}, a.question));
    a.options.forEach((o, i) => {
      const id = `a11y-lesson-option-${i + 1}`;
      const r = el('input', { type: 'radio', name: 'a11y-lesson-option', id, checked: a.choice === i + 1, disabled: a.phase !== 'predict' });
      r.addEventListener('change', () => lessonAction('choose', i + 1));
      fs.append(r, el('label', { htmlFor: id, className: 'inline' }, o), el('br'));
    });
    box.append(fs);
    if (a.phase === 'predict') {
      const b = el('button', { type: 'button', id: 'a11y-lesson-lock', disabled: a.choice === 0 }, L['lessons.lock']);
      b.addEventListener('click', () => lessonAction('lock'));
      box.append(b);
    } else if (a.phase === 'act') {
      box.append(el('p', { id: 'a11y-lesson-do' }, a.do), el('p', {}, L['lessons.waiting']));
    } else if (a.phase === 'observe') {
      box.append(el('p', { id: 'a11y-lesson-observe' }, a.observe), el('p', {}, L['lessons.observing']));
    } else {
      box.append(el('p', { id: 'a11y-lesson-verdict' }, a.right ? L['lessons.right'] : L['lessons.wrong']));
      if (a.correct > 0) box.append(el('p', { id: 'a11y-lesson-answer' }, `${L['lessons.answer_is']} ${a.options[a.correct - 1]}`));
      box.append(el('p', {}, a.why));
      const b = el('button', { type: 'button', id: 'a11y-lesson-next' }, a.step === a.steps ? L['lessons.finish'] : L['lessons.next']);
      b.addEventListener('click', () => lessonAction('next'));
      box.append(b);
      announcer.textContent = (a.right ? L['lessons.right'] : `${L['lessons.wrong']} ${L['lessons.answer_is']} ${a.options[a.correct - 1] || ''}`) + ' ' + a.why;
    }
    const back = el('button', { type: 'button', id: 'a11y-lesson-back' }, L['lessons.back']);
    back.addEventListener('click', () => lessonAction('back'));
    box.append(back);
  }
  const again = focusedId && document.getElementById(focusedId);
  if (again && mirror.contains(again)) again.focus();
  else if (focusedId && focusedId.startsWith('a11y-lesson')) (box.querySelector('button:not([disabled]), input:not([disabled])') || box).focus();
}
