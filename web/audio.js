// audio.js - the audio monitor: VTA spikes as clicks, like the loudspeaker on an electrophysiology
// rig (a class hears tonic firing, the burst and the pause), and soft, distinct cue and reward tones.
// Off unless the user (View > Sound) or ?audio=on turns it on. Silent while the tab is hidden and
// after a reset; spikes come from the model's firing rate, never from slider movements, so dragging a
// slider makes no clicks of its own. No network, no files: the sounds are synthesised.
(function () {
  'use strict';
  const LATENCY_S = 0.12;      // schedule a little ahead so a late frame never drops a click
  const MAX_PER_FEED = 400;    // bound on the nodes made per feed, whatever comes in

  function createAudioMonitor() {
    let ctx = null, master = null, click = null, enabled = false;
    const stats = { clicks: 0, tones: 0, silenced: 0 };

    function build() {
      const AC = window.AudioContext || window.webkitAudioContext;
      if (!AC) return false;
      ctx = new AC();
      master = ctx.createGain();
      master.gain.value = 0.5;
      master.connect(ctx.destination);
      // One click: 2 ms of decaying noise (a spike heard through an amplifier).
      const n = Math.max(32, Math.round(ctx.sampleRate * 0.002));
      click = ctx.createBuffer(1, n, ctx.sampleRate);
      const data = click.getChannelData(0);
      let seed = 12345;
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        data[i] = ((seed / 4294967296) * 2 - 1) * Math.exp(-i / (n / 5));
      }
      return true;
    }

    function at(t, feed) {
      // Simulated time -> audio time: the newest simulated time is "now" (plus a small lead).
      const dt = (t - feed.now) / Math.max(feed.speed || 1, 0.05);
      return Math.max(ctx.currentTime, ctx.currentTime + LATENCY_S + dt);
    }

    function tone(when, kind) {
      const osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = kind === 'cue' ? 660 : 990;  // a fifth apart: distinct, never harsh
      gain.gain.setValueAtTime(0, when);
      gain.gain.linearRampToValueAtTime(0.15, when + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.001, when + 0.25);
      osc.connect(gain).connect(master);
      osc.start(when);
      osc.stop(when + 0.3);
      stats.tones++;
    }

    return {
      stats,
      get enabled() { return enabled; },
      get context() { return ctx; },
      // Turn on (needs a user gesture in most browsers: call from a click or key handler, or unlock()).
      enable() {
        if (!ctx && !build()) return false;
        enabled = true;
        if (ctx.state === 'suspended' && !document.hidden) ctx.resume().catch(() => {});
        return true;
      },
      disable() { enabled = false; this.silence(); if (ctx && ctx.state === 'running') ctx.suspend().catch(() => {}); },
      // A user gesture happened: a context created earlier may now start.
      unlock() { if (enabled && ctx && ctx.state === 'suspended' && !document.hidden) ctx.resume().catch(() => {}); },
      // Stop everything already scheduled (a reset, a preset): a fresh master gain takes over.
      silence() {
        if (!ctx) return;
        const old = master;
        old.gain.cancelScheduledValues(ctx.currentTime);
        old.gain.setValueAtTime(0, ctx.currentTime);
        setTimeout(() => { try { old.disconnect(); } catch (e) { /* already gone */ } }, 50);
        master = ctx.createGain();
        master.gain.value = 0.5;
        master.connect(ctx.destination);
        stats.silenced++;
      },
      visibility(hidden) {
        if (!ctx) return;
        if (hidden) { this.silence(); ctx.suspend().catch(() => {}); }
        else if (enabled) ctx.resume().catch(() => {});
      },
      // Events from the model (take_audio_json): spikes and tones with their simulated times.
      feed(f) {
        if (!enabled || !ctx || document.hidden || !f || f.paused) return;
        if (ctx.state !== 'running') return;
        let made = 0;
        for (const t of f.spikes || []) {
          if (typeof t !== 'number' || !Number.isFinite(t) || made >= MAX_PER_FEED) break;
          const src = ctx.createBufferSource();
          src.buffer = click;
          src.connect(master);
          src.start(at(t, f));
          stats.clicks++;
          made++;
        }
        for (const e of f.tones || []) {
          if (!e || !Number.isFinite(e.t) || made >= MAX_PER_FEED) break;
          tone(at(e.t, f), e.kind);
          made++;
        }
      },
    };
  }
  window.NeuroDriveAudio = { create: createAudioMonitor };
})();
