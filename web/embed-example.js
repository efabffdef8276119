// embed-example.js - a course page driving an embedded NeuroDrive through postMessage.
(function () {
  'use strict';
  const lab = document.getElementById('lab');
  const log = document.getElementById('log');
  const readout = document.getElementById('readout');
  const targetOrigin = new URL(lab.src, location.href).origin;

  function note(text) {
    const li = document.createElement('li');
    li.textContent = text;
    log.prepend(li);
    while (log.children.length > 20) log.lastChild.remove();
  }

  for (const b of document.querySelectorAll('button[data-msg]')) {
    b.addEventListener('click', () => lab.contentWindow.postMessage(JSON.parse(b.dataset.msg), targetOrigin));
  }

  window.addEventListener('message', (ev) => {
    if (ev.origin !== targetOrigin) return;
    const m = ev.data;
    if (typeof m === 'string') {  // lti.frameResize is sent as a JSON string
      try {
        const r = JSON.parse(m);
        if (r.subject === 'lti.frameResize') note(`resize request: ${r.height}px`);
      } catch (e) { /* not ours */ }
      return;
    }
    if (!m || typeof m.type !== 'string') return;
    if (m.type === 'neurodrive:ready' && ev.source === lab.contentWindow) {
      note('lab ready');
      lab.contentWindow.postMessage({ type: 'neurodrive:subscribe', hz: 2 }, targetOrigin);
    } else if (m.type === 'neurodrive:state') {
      readout.textContent = `Motivation: ${Math.round(m.outputs.motivation)} (day ${Math.round(m.sim_day)})`;
    } else if (m.type === 'neurodrive:xapi') {
      // An LMS would add its learner as the actor and forward the statement to its LRS.
      const s = m.statement;
      const name = Object.values(s.object.definition.name)[0];
      const value = s.result && s.result.extensions ? ` = ${s.result.extensions['urn:neurodrive:value']}`
        : s.result && 'success' in s.result ? ` (${s.result.success ? 'right' : 'wrong'})` : '';
      note(`xAPI: ${s.verb.display['en-US']} ${name}${value}`);
    } else if (m.type !== 'neurodrive:h5p') {
      note(`${m.type}${m.ok === false || m.error ? ': ' + m.error : ''}`);
    }
  });
})();
