// Prints how the findings on ../shared/corpus-dev drift from test-fixtures/corpus-review/*.tsv,
// and the verdict tally per rule; --update rewrites the files (gone rows dropped, new rows `unreviewed`).
// Usage (after `npm run build`): node scripts/corpus-review.mjs [--update] [reuters|bbc ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out/server/tests/support/corpus-review.js');
if (!fs.existsSync(built)) {
  console.error('corpus-review: the build is missing; run `npm run build` first.');
  process.exit(2);
}
const review = await import(pathToFileURL(built).href);

const args = process.argv.slice(2);
const update = args.includes('--update');
const unknown = args.filter((a) => a !== '--update' && !review.OUTLETS.includes(a));
if (unknown.length > 0) {
  console.error(`corpus-review: unknown argument ${unknown.join(' ')}; give --update and/or outlets (${review.OUTLETS.join(', ')}).`);
  process.exit(2);
}
const outlets = args.filter((a) => review.OUTLETS.includes(a));
if (!review.corpusAvailable()) {
  console.error('corpus-review: ../shared/corpus-dev is not beside the repository; nothing to review.');
  process.exit(2);
}

let drifted = false;
for (const outlet of outlets.length > 0 ? outlets : review.OUTLETS) {
  const findings = review.lintOutlet(outlet);
  const rows = review.readReview(outlet);
  const { added, gone } = review.driftOf(findings, rows);
  for (const f of added) console.log(`${outlet} + ${f.file}:${f.line} ${f.rule}: ${f.message}`);
  for (const r of gone) console.log(`${outlet} - ${r.file}:${r.line} ${r.rule} (was ${r.verdict}: ${r.reason})`);
  console.log(`${outlet}: ${added.length} new finding(s), ${gone.length} row(s) with no finding`);
  // The tally is of the rows as they would be: gone rows dropped, new ones unreviewed.
  const current = review.updatedRows(findings, rows);
  if (update && (added.length > 0 || gone.length > 0)) {
    const file = review.reviewPath(outlet);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, review.formatReview(current));
    fs.renameSync(tmp, file);
    console.log(`${outlet}: wrote ${path.relative(root, file)} (${current.length} rows)`);
  } else if (added.length > 0 || gone.length > 0) {
    drifted = true;
  }
  console.log(review.formatTally(outlet, review.tally(current, review.storyNames(outlet).length)));
  console.log('');
}
if (drifted) console.log('The review is out of date: run with --update, then review the `unreviewed` rows.');
process.exit(drifted ? 1 : 0);
