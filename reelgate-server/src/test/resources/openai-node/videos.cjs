// Drives Reelgate's /v1/videos with the official `openai` npm package, as a client application would.
// Usage: node videos.cjs <openai package dir> <output.mp4>; settings come from the environment (see below).
// Prints one line per step; exits non-zero with the reason on the first thing that does not hold.
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const [packageDir, outputFile] = process.argv.slice(2);
const { BASE_URL, API_KEY, ADMIN_URL, ADMIN_TOKEN, KEY_ID, WEBHOOK_SECRET } = process.env;
const sdk = require(path.join(packageDir, 'node_modules', 'openai'));
const OpenAI = sdk.default || sdk.OpenAI || sdk;
const version = require(path.join(packageDir, 'node_modules', 'openai', 'package.json')).version;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** A receiver on a free loopback port; resolves each webhook with its raw body and headers. */
function startReceiver() {
  const received = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200).end();
      const webhook = { body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
      const waiter = waiters.shift();
      if (waiter) waiter(webhook); else received.push(webhook);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/webhooks`,
    next: (timeoutMs) => received.length ? Promise.resolve(received.shift()) : new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('no webhook within ' + timeoutMs + ' ms')), timeoutMs);
      waiters.push((webhook) => { clearTimeout(timer); ok(webhook); });
    }),
    close: () => server.close(),
  })));
}

async function setWebhookEndpoint(url) {
  const answer = await fetch(`${ADMIN_URL}/admin/api/keys/${KEY_ID}/webhook-endpoint`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  const body = await answer.json();
  check(body.code === 200, 'webhook endpoint refused: ' + JSON.stringify(body));
}

async function main() {
  const receiver = await startReceiver();
  await setWebhookEndpoint(receiver.url);
  const client = new OpenAI({ apiKey: API_KEY, baseURL: BASE_URL, maxRetries: 0 });

  const created = await client.videos.create({ model: 'sora-2', prompt: `A red kite over the dunes (${version})`,
    seconds: '4', size: '720x1280' });
  check(/^video_[0-9a-f]{32}$/.test(created.id), 'unexpected id ' + created.id);
  check(['queued', 'in_progress'].includes(created.status), 'created as ' + created.status);
  console.log(`created ${created.id} ${created.status}`);

  let video = created;
  const deadline = Date.now() + 120000;
  while (video.status === 'queued' || video.status === 'in_progress') {
    check(Date.now() < deadline, 'still ' + video.status + ' after 120 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
    video = await client.videos.retrieve(created.id);
  }
  check(video.status === 'completed', 'ended ' + JSON.stringify(video));
  check(video.progress === 100 && video.seconds === '4' && video.size === '720x1280', JSON.stringify(video));
  console.log(`completed ${video.id}`);

  const content = await client.videos.downloadContent(video.id, { variant: 'video' });
  check(content.headers.get('content-type') === 'video/mp4', 'content type ' + content.headers.get('content-type'));
  const bytes = Buffer.from(await content.arrayBuffer());
  check(bytes.subarray(4, 8).toString('latin1') === 'ftyp', 'not an MP4');
  fs.writeFileSync(outputFile, bytes);
  console.log(`downloaded ${bytes.length} bytes`);

  const webhook = await receiver.next(60000);
  const event = await client.webhooks.unwrap(webhook.body, webhook.headers, WEBHOOK_SECRET);
  check(event.type === 'video.completed' && event.data.id === video.id, 'event ' + JSON.stringify(event));
  console.log(`webhook ${event.id} ${event.type} verified`);
  receiver.close();

  const listed = [];
  for await (const item of client.videos.list({ limit: 1 })) listed.push(item.id);
  check(listed.includes(video.id), 'list misses ' + video.id + ': ' + listed);
  console.log(`listed ${listed.length}`);

  const deleted = await client.videos.delete(video.id);
  check(deleted.deleted === true && deleted.id === video.id && deleted.object === 'video.deleted',
    'delete answered ' + JSON.stringify(deleted));
  try {
    await client.videos.retrieve(video.id);
    check(false, 'a deleted video was still retrieved');
  } catch (e) {
    check(e instanceof OpenAI.NotFoundError, 'retrieve after delete raised ' + e);
  }
  console.log('deleted');

  const stranger = new OpenAI({ apiKey: 'sk-not-a-reelgate-key', baseURL: BASE_URL, maxRetries: 0 });
  try {
    await stranger.videos.list();
    check(false, 'a bad key was accepted');
  } catch (e) {
    check(e instanceof OpenAI.AuthenticationError && e.status === 401 && e.code === 'invalid_api_key',
      'a bad key raised ' + e);
  }
  console.log('bad key refused');
  console.log(`OK openai ${version}`);
}

main().catch((e) => {
  console.error(`FAILED openai ${version}: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
