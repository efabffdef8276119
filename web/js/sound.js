// sound.js - the audio monitor (web/audio.js) plays the model's VTA spikes and cue/reward tones. Polled
// every 100 ms while on; off, nothing runs. Browsers start audio only after a user gesture, so every
// press also tries to resume it. Depends only on the wasm edge.
import { view } from './edge.js';

const monitor = window.NeuroDriveAudio ? window.NeuroDriveAudio.create() : null;
export let audioOn = false;
let audioTimer = 0;
function audioTick() {
  const f = view('nd_audio_json');
  if (!f || !monitor) return;
  if (f.silence) monitor.silence();
  if (f.on !== audioOn) { syncAudio(); return; }
  monitor.feed(f);
}
// The sound setting as C++ has it now: the monitor and its timer follow.
export function syncAudio() {
  const m = view('nd_audio_json');
  if (!m || !monitor) return;
  audioOn = !!m.on;
  if (audioOn && !monitor.enabled) monitor.enable();
  if (!audioOn && monitor.enabled) monitor.disable();
  if (audioOn && !audioTimer) audioTimer = setInterval(audioTick, 100);
  if (!audioOn && audioTimer) { clearInterval(audioTimer); audioTimer = 0; }
}
// Registered before canvas_input.js's Tab listener, which stops a Tab's keyup on the canvas: this one
// still hears it.
const gesture = () => { if (monitor) { monitor.unlock(); setTimeout(syncAudio, 120); } };
for (const type of ['pointerup', 'keyup']) window.addEventListener(type, gesture, true);
document.addEventListener('visibilitychange', () => { if (monitor) monitor.visibility(document.hidden); });
