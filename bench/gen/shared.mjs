// Pieces several emitters share: growing a file to its length target, and what happens inside a
// transaction (sometimes a database-only follow-up, sometimes an HTTP, file or queue call).
import { lineCount } from './random.mjs';

/**
 * Take unit generators in a random order until the emitted text reaches `target` lines (never
 * fewer than `min` units, never more than the list). Each generator runs at most once, so
 * method names stay unique.
 */
export function unitsUntil(r, generators, target, max = generators.length, min = 2) {
  const order = r.shuffle(generators.map((_, i) => i)).slice(0, max);
  const out = [];
  let lines = 0;
  for (const i of order) {
    if (out.length >= min && lines >= target) break;
    const text = generators[i]();
    out.push(text);
    lines += lineCount(text) + 1;
  }
  return out;
}

/**
 * A statement inside a transaction callback: 45% of the time an I/O call that holds the
 * transaction open (what `no-io-in-transaction` is for), else more database work.
 * Adds the imports it needs to `src`.
 */
export function txSideEffect(r, src, subject = 'record', db = null) {
  const kind = r.weighted([
    [14, 'fetch'],
    [8, 'axios'],
    [6, 'fs'],
    [6, 'mail'],
    [4, 's3'],
    [4, 'stripe'],
    [5, 'queue'],
    [55, 'db'],
  ]);
  switch (kind) {
    case 'fetch':
      return `await fetch(\`\${process.env.WEBHOOK_URL}/events\`, {\n  method: 'POST',\n  headers: { 'content-type': 'application/json' },\n  body: JSON.stringify({ type: 'updated', data: ${subject} }),\n});`;
    case 'axios':
      src.def('axios', 'axios');
      return `await axios.post(\`\${process.env.BILLING_API}/sync\`, { id: ${subject}.id }, { timeout: 5000 });`;
    case 'fs':
      src.named('node:fs/promises', 'appendFile');
      return `await appendFile('var/audit.log', JSON.stringify({ at: Date.now(), ${subject} }) + '\\n');`;
    case 'mail':
      src.named('../lib/mailer', 'sendMail');
      return `await sendMail({ to: ${subject}.email ?? 'ops@example.com', subject: 'Record updated', template: 'record-updated' });`;
    case 's3':
      src.named('@aws-sdk/client-s3', 'PutObjectCommand', 'S3Client');
      return `await new S3Client({}).send(new PutObjectCommand({ Bucket: process.env.EXPORT_BUCKET, Key: \`exports/\${${subject}.id}.json\`, Body: JSON.stringify(${subject}) }));`;
    case 'stripe':
      src.named('../lib/stripe', 'stripe');
      return `await stripe.invoiceItems.create({ customer: ${subject}.stripeCustomerId, amount: 100, currency: 'usd' });`;
    case 'queue':
      src.named('../lib/queue', 'publish');
      return `await publish('records.updated', { id: ${subject}.id });`;
    default:
      return db ?? `// follow-up bookkeeping stays inside the same transaction\n${subject}.updatedAt = new Date();`;
  }
}

/** Lower-case SQL keyword at random: real code mixes both. */
export const kw = (r, word) => (r.chance(0.3) ? word.toLowerCase() : word);

/** The tables one migration touches: the first migration is often the whole initial schema. */
export function migrationTargets(r, entities, index) {
  if (index === 0 && r.chance(0.5)) return entities;
  return r.sample(entities, r.weighted([[5, 1], [3, 2], [2, 3]]));
}
