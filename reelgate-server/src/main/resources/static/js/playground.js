import { ApiError, call, el, followStream, session } from './api.js';
import { drawFields, readInput } from './model-form.js';

const KEY = 'reelgate.apiKey';
const TERMINAL = new Set(['success', 'fail']);
const PROMPT_MAX = 1800;

const $ = (selector) => document.querySelector(selector);
const tasks = new Map(); // taskId -> task view (GET /api/v1/tasks/{id}) merged with stream events
let apiKey = '';
let stopStream = null;

// ---- key and credits ----

async function useKey(key) {
  apiKey = key;
  $('#api-key-error').textContent = '';
  if (stopStream) stopStream();
  stopStream = null;
  try {
    await refreshCredits();
  } catch (e) {
    apiKey = '';
    session.set(KEY, '');
    $('#credits').textContent = 'Not connected';
    $('#api-key-error').textContent = e.code === 401
      ? `This API key was refused: ${e.message}. Check it and paste it again.`
      : e.message;
    return;
  }
  session.set(KEY, key);
  tasks.clear();
  $('#tasks').replaceChildren();
  $('#tasks-empty').hidden = false;
  stopStream = followStream(key, '/api/v1/tasks/stream', onStreamEvent, onStreamStatus);
  loadRecentTasks();
  loadModels();
}

// ---- registry models (KIE Market API) ----

let models = [];

async function loadModels() {
  try {
    models = await call(apiKey, 'GET', '/api/v1/models?dialect=kie-market');
  } catch (e) {
    return; // the other forms work without the registry
  }
  const select = $('#model-id');
  select.replaceChildren(...models.map((m) => el('option', { value: m.id, text: `${m.id} · ${m.modes.join(', ')}` })));
  drawSelectedModel();
}

function drawSelectedModel() {
  const model = models.find((m) => m.id === $('#model-id').value);
  if (model) drawFields($('#model-fields'), model);
}

async function refreshCredits() {
  const balance = await call(apiKey, 'GET', '/api/v1/chat/credit');
  $('#credits').textContent = `Credits: ${balance}`;
}

function onStreamStatus(status, detail) {
  $('#stream-status').textContent = {
    open: 'Live updates on',
    reconnecting: 'Live updates reconnecting…',
    refused: `Live updates refused: ${detail}`,
  }[status];
}

function onStreamEvent(name, data) {
  if (name !== 'task') return;
  const event = JSON.parse(data);
  const known = tasks.get(event.taskId) || { taskId: event.taskId, kind: event.kind };
  const changed = known.state !== event.state;
  Object.assign(known, { state: event.state, progress: event.progress, failCode: event.failCode, failMsg: event.failMsg });
  upsert(known);
  // the view has what events lack: queue position, result URLs, the refund in the balance
  if (changed) {
    refreshTask(event.taskId);
    if (TERMINAL.has(event.state)) refreshCredits().catch(() => {});
  }
}

// ---- tasks ----

// the key's latest tasks, from any tab, client or node (GET /api/v1/tasks, newest first)
async function loadRecentTasks() {
  try {
    const page = await call(apiKey, 'GET', '/api/v1/tasks?limit=20');
    for (const view of page.tasks.slice().reverse()) upsert(Object.assign(tasks.get(view.taskId) || {}, view));
    newestFirst();
  } catch (e) {
    // the live stream still shows new tasks; the list is a convenience
  }
}

async function refreshTask(taskId) {
  try {
    const view = await call(apiKey, 'GET', `/api/v1/tasks/${encodeURIComponent(taskId)}`);
    upsert(Object.assign(tasks.get(taskId) || {}, view));
  } catch (e) {
    // a task that vanished (another key's, after a key change) simply stops updating
  }
}

// queue positions move when other keys' tasks move, which this key's stream does not see: poll waiting ones
setInterval(() => {
  for (const task of tasks.values()) {
    if (task.state === 'wait' || task.state === 'queueing') refreshTask(task.taskId);
  }
}, 3000);

// a stream event can show a task before the list arrives: order by creation, tasks known only from events on top
function newestFirst() {
  const items = [...$('#tasks').children];
  const created = (item) => tasks.get(item.dataset.taskId)?.createdAt;
  items.sort((a, b) => {
    const x = created(a);
    const y = created(b);
    if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
    return x < y ? 1 : x > y ? -1 : 0;
  });
  $('#tasks').append(...items);
}

function upsert(task) {
  tasks.set(task.taskId, task);
  let item = document.getElementById(`task-${task.taskId}`);
  if (!item) {
    item = el('li', { id: `task-${task.taskId}`, class: 'task', 'data-task-id': task.taskId });
    $('#tasks').prepend(item);
    $('#tasks-empty').hidden = true;
  }
  render(item, task);
  renderExtendChoices();
}

function render(item, t) {
  item.dataset.state = t.state || '';
  const status = t.state === 'wait' || t.state === 'queueing'
    ? `${t.state}${t.queuePosition != null ? ` · ${t.queuePosition} ahead in the queue` : ''}`
    : t.state === 'generating' ? `generating · ${t.progress ?? 0}%` : finishedIn(t);
  let head = item.querySelector('.task-head');
  if (!head) {
    head = el('div', { class: 'task-head' });
    item.append(head);
  }
  head.replaceChildren(...[
    el('span', { class: 'kind', text: t.kind || 'task' }),
    el('code', { class: 'task-id', title: t.taskId, text: t.taskId.slice(0, 8) }),
    el('span', { class: `state state-${t.state}`, text: t.state || '…' }),
    el('span', { class: 'status-text', text: status }),
    TERMINAL.has(t.state) ? null : el('button', {
      type: 'button', class: 'secondary small cancel', text: 'Cancel',
      'aria-label': `Cancel task ${t.taskId}`, onclick: () => cancel(t.taskId),
    }),
  ].filter(Boolean));
  let bar = item.querySelector('progress');
  if (!TERMINAL.has(t.state)) {
    if (!bar) item.append(bar = el('progress', { max: 100, 'aria-label': 'Progress' }));
    bar.value = t.progress || 0;
  } else if (bar) {
    bar.remove();
  }
  let reason = item.querySelector('.fail');
  if (t.state === 'fail') {
    if (!reason) item.append(reason = el('p', { class: 'fail', role: 'status' }));
    reason.textContent = `Failed${t.failCode ? ` (${t.failCode})` : ''}: ${t.failMsg || 'no reason given'}`;
  }
  if (t.state === 'success' && t.videoUrl && !item.querySelector('video')) {
    item.append(el('video', {
      controls: true, preload: 'auto', playsinline: true, muted: true, poster: t.coverUrl, src: t.videoUrl,
      'aria-label': `Result of task ${t.taskId}`,
    }), el('p', { class: 'links' },
      el('a', { href: t.videoUrl, download: `${t.taskId}.mp4`, text: 'Download MP4' }), ' · ',
      el('a', { href: t.coverUrl, target: '_blank', rel: 'noopener', text: 'Cover image' })));
  }
}

/** "in 7 s" once a task ended (from its start, or its submission when it never started). */
function finishedIn(t) {
  const from = Date.parse(t.startedAt || t.createdAt);
  const to = Date.parse(t.finishedAt);
  return Number.isNaN(from) || Number.isNaN(to) ? '' : `in ${Math.max(0, Math.round((to - from) / 1000))} s`;
}

async function cancel(taskId) {
  try {
    upsert(Object.assign(tasks.get(taskId), await call(apiKey, 'POST', `/api/v1/tasks/${encodeURIComponent(taskId)}/cancel`)));
    refreshCredits().catch(() => {});
  } catch (e) {
    alert(`Cancel refused: ${e.message}`);
  }
}

function renderExtendChoices() {
  const select = $('#ext-task');
  const current = select.value;
  const done = [...tasks.values()].filter((t) => t.state === 'success' && t.kind !== 'aleph');
  if (done.length === 0) return;
  select.replaceChildren(...done.map((t) => el('option', { value: t.taskId, text: `${t.kind} ${t.taskId.slice(0, 8)}` })));
  if (done.some((t) => t.taskId === current)) select.value = current;
}

// ---- forms ----

function clearErrors(form) {
  form.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** Shows the server's message next to the field it names, or under the form. */
function showError(form, error) {
  const wrapper = error.field && form.querySelector(`[data-field="${error.field}"]`);
  const target = wrapper ? wrapper.querySelector('.error') : form.querySelector('.form-error');
  target.textContent = error.code === 401
    ? `Your API key was refused: ${error.message}`
    : error.message;
  const input = wrapper && wrapper.querySelector('input, textarea, select');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', target.id || (target.id = `${input.id}-error`));
    input.focus();
  }
}

/** KIE File Upload API: the file's downloadUrl, to pass on as imageUrl / videoUrl. */
async function upload(file, uploadPath) {
  const form = new FormData();
  form.append('file', file);
  form.append('uploadPath', uploadPath);
  form.append('fileName', file.name);
  return (await call(apiKey, 'POST', '/api/file-stream-upload', form)).downloadUrl;
}

function onSubmit(form, build, path) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!apiKey) {
      form.querySelector('.form-error').textContent = 'Paste your API key above first.';
      $('#api-key').focus();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const body = await build(new FormData(form));
      const { taskId } = await call(apiKey, 'POST', path, body);
      upsert(Object.assign(tasks.get(taskId) || { taskId, state: 'wait', progress: 0 }, { kind: kindOf(path) }));
      refreshTask(taskId);
      refreshCredits().catch(() => {});
    } catch (e) {
      showError(form, e instanceof ApiError ? e : new ApiError(0, e.message));
    } finally {
      button.disabled = false;
    }
  });
}

const kindOf = (path) => (path.includes('aleph') ? 'aleph' : path.includes('extend') ? 'extend'
  : path.includes('jobs') ? 'model' : 'generate');
const text = (data, name) => String(data.get(name) || '').trim();

onSubmit($('#generate-form'), async (data) => {
  const body = { prompt: String(data.get('prompt') || ''), quality: data.get('quality'), duration: Number(data.get('duration')) };
  const image = data.get('image');
  if (image && image.size > 0) {
    try {
      body.imageUrl = await upload(image, 'playground/images');
    } catch (e) {
      throw new ApiError(e.code, `imageUrl: the upload failed: ${e.message}`);
    }
  } else {
    body.aspectRatio = data.get('aspectRatio');
  }
  if (text(data, 'waterMark')) body.waterMark = text(data, 'waterMark');
  return body;
}, '/api/v1/runway/generate');

onSubmit($('#extend-form'), async (data) => {
  const body = { taskId: text(data, 'taskId'), prompt: String(data.get('prompt') || ''), quality: data.get('quality') };
  if (text(data, 'waterMark')) body.waterMark = text(data, 'waterMark');
  return body;
}, '/api/v1/runway/extend');

onSubmit($('#aleph-form'), async (data) => {
  const video = data.get('video');
  if (!video || video.size === 0) throw new ApiError(422, 'videoUrl is required: choose a video file');
  let videoUrl;
  try {
    videoUrl = await upload(video, 'playground/videos');
  } catch (e) {
    throw new ApiError(e.code, `videoUrl: the upload failed: ${e.message}`);
  }
  const body = { prompt: String(data.get('prompt') || ''), videoUrl };
  if (data.get('aspectRatio')) body.aspectRatio = data.get('aspectRatio');
  if (text(data, 'waterMark')) body.waterMark = text(data, 'waterMark');
  return body;
}, '/api/v1/aleph/generate');

onSubmit($('#model-form'), async (data) => {
  const model = models.find((m) => m.id === data.get('model'));
  if (!model) throw new ApiError(422, 'model is required: paste your API key to load the models');
  const input = await readInput($('#model-fields'), model, async (file, field) => {
    try {
      return await upload(file, 'playground/inputs');
    } catch (e) {
      throw new ApiError(e.code, `input.${field}: the upload failed: ${e.message}`);
    }
  });
  return { model: model.id, input };
}, '/api/v1/jobs/createTask');

// ---- wiring ----

$('#model-id').addEventListener('change', drawSelectedModel);

const prompt = $('#gen-prompt');
prompt.addEventListener('input', () => {
  const count = $('#gen-prompt-count');
  count.textContent = `${prompt.value.length} / ${PROMPT_MAX}`;
  count.classList.toggle('over', prompt.value.length > PROMPT_MAX);
});
$('#gen-image').addEventListener('change', (e) => {
  // with an image the output takes the image's ratio
  $('#gen-ratio').disabled = e.target.files.length > 0;
});

$('#key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('#api-key').value.trim();
  if (!key) {
    $('#api-key-error').textContent = 'Paste an API key (rg_…) first.';
    return;
  }
  useKey(key);
});
$('#forget-key').addEventListener('click', () => {
  session.set(KEY, '');
  apiKey = '';
  if (stopStream) stopStream();
  $('#api-key').value = '';
  $('#credits').textContent = 'Not connected';
  $('#stream-status').textContent = 'Live updates off';
});

const saved = session.get(KEY);
if (saved) {
  $('#api-key').value = saved;
  useKey(saved);
}
