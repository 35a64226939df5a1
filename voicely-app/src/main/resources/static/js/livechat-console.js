// The agents' console: one socket to /ws/agent carries the inbox, the open conversation and every action.
const root = document.getElementById('livechat-console');
const t = root.dataset;
const $ = (id) => document.getElementById(id);
const list = $('lc-list');
const log = $('lc-log');
const status = $('lc-status');
const input = $('lc-input');
const pane = $('lc-conversation');

let ws = null;
let retry = 1000;
let current = null;   // the watched conversation id
let lastId = 0;       // the last message id shown for it: a reconnect resumes after it
let typingUntil = 0;
let typingTimer = null;
let inboxTimer = null;

function connect() {
  ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws/agent');
  ws.onopen = () => {
    retry = 1000;
    status.textContent = '';
    refreshInbox();
    if (current) { send({ type: 'watch', conversation: current, after: lastId }); }
  };
  ws.onmessage = (e) => receive(JSON.parse(e.data));
  ws.onclose = () => {
    status.textContent = t.offline;
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 10000);
  };
}

function send(frame) {
  if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(frame)); return true; }
  status.textContent = t.error;
  return false;
}

function refreshInbox() {
  send({ type: 'inbox', filter: $('lc-filter').value, channel: $('lc-channel').value, tag: $('lc-tag').value.trim() });
}

// Many events may arrive at once (a busy inbox); one refresh per burst is enough.
function refreshSoon() {
  clearTimeout(inboxTimer);
  inboxTimer = setTimeout(refreshInbox, 250);
}

function label(state) { return t['state' + state.charAt(0).toUpperCase() + state.slice(1)] || state; }

function renderInbox(items) {
  list.replaceChildren();
  $('lc-empty').hidden = items.length > 0;
  for (const item of items) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'lc-item' + (item.id === current ? ' is-current' : '');
    b.dataset.conversation = item.id;
    b.dataset.state = item.state;
    const name = document.createElement('strong');
    name.textContent = item.name || t.anonymous;
    const meta = document.createElement('span');
    meta.className = 'lc-meta';
    meta.textContent = label(item.state) + ' · ' + item.channel + (item.tags.length ? ' · ' + item.tags.join(', ') : '');
    const preview = document.createElement('span');
    preview.className = 'lc-preview';
    preview.textContent = item.preview;
    b.append(name, meta, preview);
    if (item.unread > 0) {
      const badge = document.createElement('span');
      badge.className = 'lc-unread';
      badge.textContent = String(item.unread);
      b.append(badge);
    }
    b.addEventListener('click', () => open(item.id));
    li.append(b);
    list.append(li);
  }
}

function open(id) {
  current = id;
  lastId = 0;
  log.replaceChildren();
  pane.hidden = false;
  root.classList.add('is-reading');
  send({ type: 'watch', conversation: id, after: 0 });
  $('lc-name').focus({ preventScroll: true });
}

function showConversation(c) {
  $('lc-name').textContent = c.name || t.anonymous;
  const state = $('lc-state');
  state.textContent = label(c.state);
  state.dataset.state = c.state;
  $('lc-take').hidden = c.state === 'resolved' || (c.state === 'open' && c.assignee === t.agent);
  $('lc-handback').hidden = !(c.state === 'open' || c.state === 'pending');
  $('lc-resolve').hidden = c.state === 'resolved';
}

function showMessage(m) {
  if (m.conversation !== current || m.id <= lastId) { return; }
  lastId = m.id;
  const p = document.createElement('div');
  p.className = 'lc-msg lc-' + m.sender + (m.kind === 'note' ? ' lc-note' : '');
  p.dataset.id = String(m.id);
  const who = document.createElement('span');
  who.className = 'lc-who';
  who.textContent = m.kind === 'note' ? t.note : m.sender === 'visitor' ? t.visitor : m.sender === 'agent' ? t.agentLabel : t.bot;
  p.append(who, document.createTextNode(m.body));
  log.append(p);
  log.scrollTop = log.scrollHeight;
  if (m.sender === 'visitor') { send({ type: 'read', id: m.id }); }
}

// A new handoff rings: a browser notification when allowed, and a short sound.
function ring(frame) {
  $('lc-sound').play().catch(() => { /* autoplay refused until the agent interacts */ });
  if ('Notification' in window && Notification.permission === 'granted') {
    const n = new Notification(t.notify, { body: frame.name || t.anonymous, tag: 'handoff-' + frame.conversation });
    n.onclick = () => { window.focus(); open(frame.conversation); };
  }
  status.textContent = t.notify;
}

function receive(frame) {
  switch (frame.type) {
    case 'inbox': renderInbox(frame.items); break;
    case 'conversation': if (frame.id === current) { showConversation(frame); } break;
    case 'message': showMessage(frame); break;
    case 'changed': refreshSoon(); break;
    case 'handoff': ring(frame); break;
    case 'expanded':
      if (frame.text) { input.value = frame.text; input.focus(); } else { status.textContent = t.error; }
      break;
    case 'typing':
      status.textContent = t.typing;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => { if (status.textContent === t.typing) { status.textContent = ''; } }, 3000);
      break;
    case 'error': status.textContent = t.error; break;
    default: break;
  }
}

$('lc-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text || !current) { return; }
  const shortcut = /^\/(\S+)$/.exec(text);
  if (shortcut) { send({ type: 'expand', shortcut: shortcut[1] }); return; }
  if (send({ type: $('lc-note').checked ? 'note' : 'send', text })) { input.value = ''; }
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('lc-form').requestSubmit(); }
});
input.addEventListener('input', () => {
  if (current && !$('lc-note').checked && ws && ws.readyState === WebSocket.OPEN && Date.now() > typingUntil) {
    typingUntil = Date.now() + 3000;
    ws.send(JSON.stringify({ type: 'typing' }));
  }
});
for (const b of document.querySelectorAll('#lc-quick [data-shortcut]')) {
  b.addEventListener('click', () => send({ type: 'expand', shortcut: b.dataset.shortcut }));
}
$('lc-take').addEventListener('click', () => send({ type: 'take' }));
$('lc-handback').addEventListener('click', () => send({ type: 'handBack' }));
$('lc-resolve').addEventListener('click', () => send({ type: 'resolve' }));
$('lc-back').addEventListener('click', () => { root.classList.remove('is-reading'); pane.hidden = true; current = null; });
for (const id of ['lc-filter', 'lc-channel']) { $(id).addEventListener('change', refreshInbox); }
$('lc-tag').addEventListener('change', refreshInbox);

const notify = $('lc-notify');
if ('Notification' in window && Notification.permission === 'default') {
  notify.hidden = false;
  notify.addEventListener('click', () => Notification.requestPermission().then(() => { notify.hidden = true; }));
}
connect();
