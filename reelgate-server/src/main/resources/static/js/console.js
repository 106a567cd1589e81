import { ApiError, call, el, session } from './api.js';

const TOKEN = 'reelgate.adminToken';
const $ = (selector) => document.querySelector(selector);
let token = '';
let keys = [];
let timer = null;

const time = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const admin = (method, path, body) => call(token, method, path, body);

async function signIn(candidate) {
  token = candidate;
  $('#admin-token-error').textContent = '';
  try {
    await loadKeys();
  } catch (e) {
    token = '';
    session.set(TOKEN, '');
    $('#signed-in').hidden = true;
    $('#admin-token-error').textContent = e.code === 401 ? `The admin token was refused: ${e.message}` : e.message;
    return;
  }
  session.set(TOKEN, candidate);
  $('#signed-in').hidden = false;
  await Promise.all([loadStats(), loadFailures(), loadUpstreamRuns()]);
  clearInterval(timer);
  timer = setInterval(() => { loadStats(); loadFailures(); loadUpstreamRuns(); }, 5000);
}

async function loadKeys() {
  keys = await admin('GET', '/admin/api/keys');
  $('#keys tbody').replaceChildren(...keys.map((k) => el('tr', { 'data-key-id': k.id },
    el('td', { text: k.name }),
    el('td', {}, el('code', { text: k.keyPrefix })),
    el('td', { text: k.credits }),
    el('td', { text: k.disabled ? 'disabled' : 'active' }),
    el('td', { text: time(k.createdAt) }),
    el('td', {}, el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary small', text: k.disabled ? 'Enable' : 'Disable',
        onclick: () => act(`/admin/api/keys/${k.id}/${k.disabled ? 'enable' : 'disable'}`) }),
      el('button', { type: 'button', class: 'secondary small', text: 'Rotate', onclick: () => rotate(k) }),
      el('button', { type: 'button', class: 'secondary small', text: 'Top up', onclick: () => {
        $('#topup-key').value = k.id;
        $('#topup-amount').focus();
      } }),
      el('button', { type: 'button', class: 'secondary small', text: 'Ledger', onclick: () => showLedger(k) }))))));
  for (const select of [$('#topup-key'), $('#webhook-key')]) {
    const current = select.value;
    select.replaceChildren(...keys.map((k) => el('option', { value: k.id, text: `${k.name} (${k.keyPrefix}…)` })));
    if (current) select.value = current;
  }
  await loadWebhookEndpoint();
}

async function loadWebhookEndpoint() {
  const key = $('#webhook-key').value;
  $('#webhook-url').value = key ? (await admin('GET', `/admin/api/keys/${key}/webhook-endpoint`)) || '' : '';
}

async function act(path) {
  try {
    await admin('POST', path);
    await loadKeys();
  } catch (e) {
    alert(e.message);
  }
}

async function rotate(key) {
  if (!confirm(`Rotate the secret of "${key.name}"? The current secret stops working at once.`)) return;
  try {
    showSecret(await admin('POST', `/admin/api/keys/${key.id}/rotate`));
    await loadKeys();
  } catch (e) {
    alert(e.message);
  }
}

function showSecret(created) {
  const box = $('#new-secret');
  box.replaceChildren(`Secret of "${created.key.name}" (shown only now, copy it): `, el('code', { text: created.secret }));
  box.hidden = false;
}

async function showLedger(key) {
  const entries = await admin('GET', `/admin/api/keys/${key.id}/ledger?limit=200`);
  $('#ledger-title').textContent = `Ledger of ${key.name}`;
  $('#ledger tbody').replaceChildren(...entries.map((e) => el('tr', {},
    el('td', { text: time(e.createdAt) }), el('td', { text: e.reason }),
    el('td', { text: e.delta > 0 ? `+${e.delta}` : e.delta }), el('td', { text: e.balanceAfter }),
    el('td', {}, e.taskId ? el('code', { text: e.taskId }) : ''), el('td', { text: e.note || '' }))));
  $('#ledger-card').hidden = false;
  $('#ledger-card').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}

async function loadStats() {
  try {
    const engines = await admin('GET', '/admin/api/stats');
    $('#engines tbody').replaceChildren(...engines.map((s) => el('tr', {},
      el('td', { text: s.engine }), el('td', { text: s.queueDepth }), el('td', { text: s.inFlight }),
      el('td', { text: s.wait }), el('td', { text: s.queueing }))));
    $('#queue-updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    $('#queue-updated').textContent = e.message;
  }
}

async function loadFailures() {
  try {
    const failures = await admin('GET', '/admin/api/failures?limit=50');
    $('#failures tbody').replaceChildren(...(failures.length ? failures.map((f) => el('tr', {},
      el('td', { text: time(f.finishedAt) }), el('td', {}, el('code', { text: f.taskId })), el('td', { text: f.kind }),
      el('td', { text: f.engine }), el('td', { text: f.failCode ?? '' }), el('td', { text: f.failMsg || '' }),
      // the trace id opens the task's trace in the tracing backend (Jaeger, Tempo, …) when reelgate.console.trace-url is set
      el('td', {}, f.traceUrl
        ? el('a', { href: f.traceUrl, target: '_blank', rel: 'noopener' }, el('code', { class: 'trace-id', text: f.traceId }))
        : el('code', { class: 'trace-id', text: f.traceId || '' }))))
      : [el('tr', {}, el('td', { colspan: 7, class: 'muted', text: 'No failed tasks.' }))]));
  } catch (e) { /* shown by the next successful refresh */ }
}

// what the provider reported about each run (fal inference seconds, Replicate predict time, Veo seconds) beside the
// credits Reelgate charged for it
async function loadUpstreamRuns() {
  try {
    const runs = await admin('GET', '/admin/api/upstream-runs?limit=50');
    const usage = (u) => Object.entries(u || {}).map(([k, v]) => `${k}: ${v}`).join(', ');
    const status = (r) => r.upstreamStatus + (r.queuePosition != null ? ` (${r.queuePosition} ahead)` : '');
    $('#upstream-runs tbody').replaceChildren(...(runs.length ? runs.map((r) => el('tr', {},
      el('td', { text: time(r.createdAt) }), el('td', {}, el('code', { text: r.taskId })), el('td', { text: r.engine }),
      el('td', { text: r.model || '' }), el('td', { text: r.state }), el('td', { text: status(r) }),
      el('td', { text: usage(r.usage) }), el('td', { text: r.credits })))
      : [el('tr', {}, el('td', { colspan: 8, class: 'muted', text: 'No task went to a hosted engine in the last 7 days.' }))]));
  } catch (e) { /* shown by the next successful refresh */ }
}

function deliveryView(d) {
  return el('div', { class: 'task' },
    el('div', { class: 'task-head' }, el('code', { text: d.webhookId }),
      el('span', { class: `state state-${d.state === 'delivered' ? 'success' : d.state === 'dead' ? 'fail' : 'wait'}`, text: d.state }),
      el('span', { class: 'status-text', text: `${d.attempts} attempt(s) → ${d.url}` }),
      el('button', { type: 'button', class: 'secondary small', text: 'Redeliver',
        onclick: async () => { await admin('POST', `/admin/api/callbacks/${d.webhookId}/redeliver`).catch((e) => alert(e.message)); } })),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { text: '#' }), el('th', { text: 'Started' }), el('th', { text: 'HTTP' }),
        el('th', { text: 'Duration' }), el('th', { text: 'Error' }))),
      el('tbody', {}, d.attemptLog.map((a) => el('tr', {}, el('td', { text: a.attempt }), el('td', { text: time(a.startedAt) }),
        el('td', { text: a.httpStatus ?? '—' }), el('td', { text: `${a.durationMs} ms` }), el('td', { text: a.error || '' })))))),
    d.nextAttemptAt ? el('p', { class: 'muted', text: `Next attempt ${time(d.nextAttemptAt)}` }) : null);
}

function formErrors(form, error) {
  form.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
  if (!error) return;
  const wrapper = error.field && form.querySelector(`[data-field="${error.field}"]`);
  (wrapper ? wrapper.querySelector('.error') : form.querySelector('.form-error')).textContent = error.message;
}

$('#token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('#admin-token').value.trim();
  if (value) signIn(value);
  else $('#admin-token-error').textContent = 'Paste the admin token first.';
});

$('#create-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  formErrors(form);
  try {
    const raw = $('#key-credits').value.trim();
    showSecret(await admin('POST', '/admin/api/keys', { name: $('#key-name').value, credits: raw === '' ? 0 : Number(raw) }));
    form.reset();
    await loadKeys();
  } catch (e) {
    formErrors(form, e);
  }
});

$('#topup-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  formErrors(form);
  try {
    const raw = form.amount.value.trim();
    await admin('POST', `/admin/api/keys/${form.key.value}/credits`,
      { amount: raw === '' ? null : Number(raw), note: form.note.value || null });
    await loadKeys();
  } catch (e) {
    formErrors(form, e);
  }
});

$('#webhook-key').addEventListener('change', () => loadWebhookEndpoint().catch((e) => alert(e.message)));

$('#webhook-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  formErrors(form);
  try {
    const url = form.url.value.trim();
    const path = `/admin/api/keys/${form.key.value}/webhook-endpoint`;
    if (url) await admin('PUT', path, { url });
    else await admin('DELETE', path);
    await loadWebhookEndpoint();
  } catch (e) {
    formErrors(form, e);
  }
});

$('#callbacks-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  formErrors(form);
  try {
    const deliveries = await admin('GET', `/admin/api/callbacks?taskId=${encodeURIComponent(form.taskId.value.trim())}`);
    $('#callbacks').replaceChildren(...(deliveries.length ? deliveries.map(deliveryView)
      : [el('p', { class: 'muted', text: 'This task has no callback deliveries (no callBackUrl).' })]));
  } catch (e) {
    formErrors(form, e instanceof ApiError ? e : new ApiError(0, e.message));
  }
});

const saved = session.get(TOKEN);
if (saved) {
  $('#admin-token').value = saved;
  signIn(saved);
}
