// Shared by the playground and the console: envelope-aware fetch and a Server-Sent Events reader over fetch()
// (EventSource cannot send an Authorization header).

/** A refused request: `code` is the envelope code (or the HTTP status), `msg` the server's message. */
export class ApiError extends Error {
  constructor(code, msg) {
    super(msg);
    this.code = code;
  }

  /** The request field a validation message is about: messages start with the field's name. */
  get field() {
    const match = /^([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)/.exec(this.message || '');
    return match ? match[1] : null;
  }
}

/**
 * Calls the API with a bearer token. Errors are HTTP 200 with the code in the envelope by default, so the body
 * decides: resolves with `data` when `code` is 200, otherwise rejects with an ApiError.
 */
export async function call(token, method, path, body) {
  const headers = { Authorization: `Bearer ${token}` };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, `The server could not be reached (${e.message})`);
  }
  let envelope;
  try {
    envelope = await response.json();
  } catch (e) {
    throw new ApiError(response.status, `Unexpected answer (HTTP ${response.status})`);
  }
  if (envelope.code !== 200) {
    throw new ApiError(envelope.code ?? response.status, envelope.msg || `HTTP ${response.status}`);
  }
  return envelope.data;
}

/**
 * Follows an SSE stream with fetch(), reconnecting with Last-Event-ID after drops (the server replays what was
 * missed). Calls onEvent(name, data, id) per event and onStatus('open' | 'reconnecting' | 'refused', detail).
 * Returns a function that stops it.
 */
export function followStream(token, path, onEvent, onStatus) {
  const controller = new AbortController();
  let lastEventId = null;
  let retryMs = 3000;

  async function connectOnce() {
    const headers = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
    const type = response.headers.get('Content-Type') || '';
    if (!type.startsWith('text/event-stream')) {
      // an envelope instead of a stream: the key was refused (or another error); do not hammer the server
      let msg = `HTTP ${response.status}`;
      try { msg = (await response.json()).msg || msg; } catch (e) { /* keep the status */ }
      onStatus('refused', msg);
      return false;
    }
    onStatus('open');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { name: 'message', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (event.id !== null) lastEventId = event.id;
          if (event.data.length) onEvent(event.name, event.data.join('\n'), event.id);
          event = { name: 'message', data: [], id: null };
          continue;
        }
        if (line.startsWith(':')) continue; // comment: heartbeat
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = val;
        else if (field === 'data') event.data.push(val);
        else if (field === 'id') event.id = val;
        else if (field === 'retry' && /^\d+$/.test(val)) retryMs = Number(val);
      }
    }
  }

  (async () => {
    while (!controller.signal.aborted) {
      let again = true;
      try {
        again = await connectOnce();
      } catch (e) {
        if (controller.signal.aborted) return;
      }
      if (!again) return;
      onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  })();
  return () => controller.abort();
}

/** Element helper: el('li', {class: 'x', onclick: f}, child, 'text'). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A token kept for this browser tab's session only. */
export const session = {
  get: (name) => sessionStorage.getItem(name) || '',
  set: (name, value) => (value ? sessionStorage.setItem(name, value) : sessionStorage.removeItem(name)),
};
