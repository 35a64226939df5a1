// The Voicely chat widget. Served by /chat-embed.js wrapped as (function (STRINGS) { … })({he: {…}, en: {…}}),
// so the texts come from the app's message bundles. It draws itself in a shadow root (the host page's
// styles cannot reach in, ours cannot leak out) and talks to /ws/chat directly: no iframe.
'use strict';
var script = document.currentScript;
if (!script || window.__voicelyChat) { return; }
window.__voicelyChat = true;
// document.currentScript exists only now; the DOM may not (a tag in <head> without defer).
if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }

function start() {

var data = script.dataset;
var origin = new URL(script.src, location.href).origin;
var lang = (data.lang || document.documentElement.lang || 'he').slice(0, 2) === 'en' ? 'en' : 'he';
var t = STRINGS[lang];
var color = /^#[0-9a-fA-F]{3,8}$/.test(data.color || '') ? data.color : '#5a2ca0';
var inlineTarget = data.inline ? document.querySelector(data.inline) : null;

var CSS = [
  ':host { all: initial; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans Hebrew", Arial, sans-serif; }',
  '* { box-sizing: border-box; }',
  '.launcher { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483000; inline-size: 56px; block-size: 56px;',
  '  border-radius: 50%; border: 0; background: var(--vc); color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25);',
  '  display: grid; place-items: center; }',
  '.start .launcher { inset-inline-end: auto; inset-inline-start: 16px; }',
  '.panel { position: fixed; inset-block-end: 84px; inset-inline-end: 16px; z-index: 2147483000; inline-size: min(360px, calc(100vw - 32px));',
  '  block-size: min(520px, calc(100vh - 110px)); display: flex; flex-direction: column; background: #fff; color: #1f1a2b;',
  '  border-radius: 16px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; font-size: 15px; }',
  '.start .panel { inset-inline-end: auto; inset-inline-start: 16px; }',
  '.inline .panel { position: static; inline-size: 100%; block-size: min(70vh, 560px); box-shadow: none; border: 1px solid #e2daee; }',
  '.panel[hidden] { display: none; }',
  'header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 12px 14px; background: var(--vc); color: #fff; }',
  'header h2 { margin: 0; font-size: 16px; }',
  'header button { background: transparent; color: #fff; border: 0; font-size: 22px; cursor: pointer; min-inline-size: 44px; min-block-size: 44px; }',
  '.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f8f6fb; }',
  '.msg { max-inline-size: 85%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.4; }',
  '.msg.visitor { align-self: flex-end; background: var(--vc); color: #fff; }',
  '.msg.agent, .msg.bot, .msg.system, .greeting { align-self: flex-start; background: #fff; border: 1px solid #e2daee; }',
  '.who { display: block; font-size: 12px; opacity: .75; margin-block-end: 2px; }',
  '.status { padding: 6px 12px; font-size: 13px; color: #554d66; min-block-size: 1.6em; }',
  '.quick { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px 8px; }',
  'button.chip { border: 1px solid var(--vc); color: var(--vc); background: #fff; border-radius: 999px; padding: 8px 12px; font: inherit; font-size: 14px; cursor: pointer; min-block-size: 40px; }',
  'form { display: flex; gap: 8px; padding: 10px 12px; border-block-start: 1px solid #e2daee; }',
  'textarea { flex: 1; resize: none; font: inherit; padding: 8px 10px; border: 1px solid #b9aecb; border-radius: 10px; block-size: 44px; }',
  'button.send { background: var(--vc); color: #fff; border: 0; border-radius: 10px; padding: 0 14px; font: inherit; cursor: pointer; min-block-size: 44px; }',
  'button:focus-visible, textarea:focus-visible { outline: 3px solid #d97706; outline-offset: 2px; }',
  '.sr { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }'
].join('\n');

var host = document.createElement('div');
host.setAttribute('data-voicely-chat', '');
(inlineTarget || document.body).appendChild(host);
var root = host.attachShadow({ mode: 'open' });
if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
  // A constructed sheet: allowed by a strict CSP (no inline <style>), as on our own pages.
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
} else {
  var style = document.createElement('style');
  style.textContent = CSS;
  root.appendChild(style);
}

function el(tag, attrs, text) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  if (text) { e.textContent = text; }
  return e;
}

var wrap = el('div', { dir: lang === 'he' ? 'rtl' : 'ltr', lang: lang,
  class: (inlineTarget ? 'inline' : '') + (data.position === 'start' ? ' start' : '') });
wrap.style.setProperty('--vc', color);
root.appendChild(wrap);

var launcher = el('button', { class: 'launcher', type: 'button', 'aria-label': t.open, 'aria-expanded': 'false' });
// A drawn speech bubble: an emoji depends on the visitor's fonts.
var svgNs = 'http://www.w3.org/2000/svg';
var icon = document.createElementNS(svgNs, 'svg');
icon.setAttribute('viewBox', '0 0 24 24');
icon.setAttribute('width', '28');
icon.setAttribute('height', '28');
icon.setAttribute('aria-hidden', 'true');
var bubble = document.createElementNS(svgNs, 'path');
bubble.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
bubble.setAttribute('fill', 'currentColor');
icon.appendChild(bubble);
launcher.appendChild(icon);
var panel = el('section', { class: 'panel', role: inlineTarget ? 'region' : 'dialog', 'aria-label': t.title });
var header = el('header');
header.appendChild(el('h2', {}, t.title));
var closeButton = el('button', { type: 'button', 'aria-label': t.close }, '\u00D7');
header.appendChild(closeButton);
var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.log, tabindex: '0' });
log.appendChild(el('p', { class: 'msg greeting' }, data.greeting || t.greeting));
var status = el('p', { class: 'status', role: 'status' });
var quick = el('div', { class: 'quick', role: 'group', 'aria-label': t.quickLabel });
var form = el('form');
var inputId = 'voicely-chat-input';
form.appendChild(el('label', { class: 'sr', for: inputId }, t.inputLabel));
var input = el('textarea', { id: inputId, rows: '1', maxlength: '4000', placeholder: t.placeholder });
form.appendChild(input);
form.appendChild(el('button', { class: 'send', type: 'submit' }, t.send));
panel.appendChild(header);
panel.appendChild(log);
panel.appendChild(status);
panel.appendChild(quick);
panel.appendChild(form);
if (!inlineTarget) {
  wrap.appendChild(launcher);
  panel.hidden = true;
} else {
  closeButton.hidden = true;
}
wrap.appendChild(panel);

function chip(label, action) {
  var b = el('button', { class: 'chip', type: 'button' }, label);
  b.addEventListener('click', action);
  return b;
}
quick.appendChild(chip(t.trial, function () { say(t.trial); }));
quick.appendChild(chip(t.prices, function () { say(t.prices); }));
quick.appendChild(chip(t.human, askHuman));

function setOpen(open) {
  panel.hidden = !open;
  launcher.setAttribute('aria-expanded', String(open));
  launcher.setAttribute('aria-label', open ? t.close : t.open);
  if (open) { input.focus(); connect(); } else { launcher.focus(); }
}
launcher.addEventListener('click', function () { setOpen(panel.hidden); });
closeButton.addEventListener('click', function () { setOpen(false); });
panel.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !inlineTarget) { setOpen(false); } });

// --- the socket: resume after the last message id we showed, so a reconnect sends exactly what we missed
var storageKey = 'voicely-chat-visitor';
function visitorKey() {
  var key = null;
  try { key = localStorage.getItem(storageKey); } catch (e) { /* storage blocked: a key per page load */ }
  if (!key || !/^[A-Za-z0-9-]{32,64}$/.test(key)) {
    key = crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)),
      function (b) { return b.toString(16).padStart(2, '0'); }).join('');
    try { localStorage.setItem(storageKey, key); } catch (e) { /* ignore */ }
  }
  return key;
}
var ws = null;
var lastId = 0;
var retry = 1000;
var typingUntil = 0;
var typingTimer = null;
function connect() {
  if (ws) { return; }
  var url = origin.replace(/^http/, 'ws') + '/ws/chat?lang=' + lang + '&visitor=' + encodeURIComponent(visitorKey());
  ws = new WebSocket(url);
  ws.onopen = function () { retry = 1000; status.textContent = ''; ws.send(JSON.stringify({ type: 'hello', after: lastId })); };
  ws.onmessage = function (e) { receive(JSON.parse(e.data)); };
  ws.onclose = function () {
    ws = null;
    status.textContent = t.offline;
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 10000);
  };
}
function send(frame) {
  if (ws && ws.readyState === 1) { ws.send(JSON.stringify(frame)); return true; }
  status.textContent = t.error;
  return false;
}
function say(text) { send({ type: 'send', text: text }); }
function askHuman() { send({ type: 'human' }); }

function receive(frame) {
  if (frame.type === 'message') {
    if (frame.id <= lastId) { return; }
    lastId = frame.id;
    var who = frame.sender === 'visitor' ? t.you : frame.sender === 'agent' ? t.agent : t.bot;
    var p = el('div', { class: 'msg ' + frame.sender, 'data-id': String(frame.id) });
    p.appendChild(el('span', { class: 'who' }, who));
    p.appendChild(document.createTextNode(frame.body));
    log.appendChild(p);
    var actions = frame.actions || [];
    if (actions.indexOf('human') >= 0 || actions.indexOf('trial') >= 0) {
      var offer = el('div', { class: 'quick' });
      if (actions.indexOf('human') >= 0) { offer.appendChild(chip(t.human, askHuman)); }
      if (actions.indexOf('trial') >= 0) { offer.appendChild(chip(t.trial, function () { say(t.trial); })); }
      log.appendChild(offer);
    }
    log.scrollTop = log.scrollHeight;
  } else if (frame.type === 'state') {
    status.textContent = t['state_' + frame.state] || '';
    wrap.setAttribute('data-state', frame.state);
  } else if (frame.type === 'typing') {
    status.textContent = t.typing;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { if (status.textContent === t.typing) { status.textContent = ''; } }, 3000);
  } else if (frame.type === 'error') {
    status.textContent = t.error;
  }
}

form.addEventListener('submit', function (e) {
  e.preventDefault();
  var text = input.value.trim();
  if (text && send({ type: 'send', text: text })) { input.value = ''; }
});
input.addEventListener('keydown', function (e) {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
});
input.addEventListener('input', function () {
  if (ws && ws.readyState === 1 && Date.now() > typingUntil) { typingUntil = Date.now() + 3000; ws.send(JSON.stringify({ type: 'typing' })); }
});
if (inlineTarget) { connect(); }
}
