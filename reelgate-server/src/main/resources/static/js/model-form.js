import { el } from './api.js';

// Draws a form from one registry entry of GET /api/v1/models and reads it back into the model's `input` object.
// Field names and values are the model's own (snake_case, "5" or 5 as the entry types them).

const NUMERIC = new Set(['integer', 'number', 'integer-duration']);

/** The inputs of `model` inside `container`, one labelled field each, marked with data-field="input.<name>". */
export function drawFields(container, model) {
  container.replaceChildren(...model.fields.filter(drawable).map((field) => {
    const id = `model-field-${field.name}`;
    const label = el('label', { for: id, text: `${field.name}${field.required ? ' *' : ''}${hint(field)}` });
    return el('div', { class: 'field', 'data-field': `input.${field.name}` }, label, control(field, id),
      el('p', { class: 'error', role: 'alert' }));
  }));
}

/** The `input` object: set fields only (the server fills the entry's defaults); files are uploaded by `upload`. */
export async function readInput(container, model, upload) {
  const input = {};
  for (const field of model.fields.filter(drawable)) {
    const control = container.querySelector(`#model-field-${CSS.escape(field.name)}`);
    const value = await valueOf(field, control, upload);
    if (value !== undefined) input[field.name] = value;
  }
  return input;
}

// lists of objects (multi-shot prompts, elements) need a richer editor than a form field
const drawable = (field) => field.type !== 'object-list' && field.type !== 'string-list';

function hint(field) {
  if (field.default !== null && field.default !== undefined) return ` (default ${field.default})`;
  if (field.min !== null && field.max !== null) return ` (${field.min}–${field.max})`;
  return '';
}

function control(field, id) {
  if (field.values && field.values.length) {
    const options = field.values.map((v) => el('option', { value: String(v), text: String(v) }));
    if (!field.required || field.default !== null) options.unshift(el('option', { value: '', text: '(default)' }));
    return el('select', { id, name: field.name }, ...options);
  }
  if (field.type === 'boolean') return el('input', { id, name: field.name, type: 'checkbox' });
  if (field.type === 'url' || field.type === 'url-list') {
    const attrs = { id, name: field.name, type: 'file', accept: 'image/*,video/*' };
    if (field.type === 'url-list' && (field.maxItems === null || field.maxItems > 1)) attrs.multiple = true;
    return el('input', attrs);
  }
  if (NUMERIC.has(field.type) || field.type === 'duration') {
    return el('input', { id, name: field.name, type: 'number', step: field.type === 'number' ? 'any' : '1' });
  }
  if (field.name === 'prompt') return el('textarea', { id, name: field.name, rows: 3 });
  return el('input', { id, name: field.name, type: 'text' });
}

async function valueOf(field, control, upload) {
  if (field.type === 'boolean') return control.checked ? true : undefined;
  if (control.type === 'file') {
    if (control.files.length === 0) return undefined;
    const urls = [];
    for (const file of control.files) urls.push(await upload(file, field.name));
    return field.type === 'url' ? urls[0] : urls;
  }
  const raw = control.value.trim();
  if (raw === '') return undefined;
  if (field.values && field.values.length) {
    // the entry's own value, with its own type ("5" stays a string, 5 a number)
    return field.values.find((v) => String(v) === raw);
  }
  return NUMERIC.has(field.type) ? Number(raw) : raw;
}
