// A node:test reporter that prints one closing line, "N passed, N failed[, N skipped]", counted
// from the test events themselves, after the spec reporter's output; skipped tests are listed with why.
//
// The runner's own totals miss failures: a describe() whose body throws (a suite with no
// failing test inside, e.g. a missing fixture folder) is a failure the runner does not count.
// Here every failed test counts, and a failed suite counts unless the failure is only that its
// tests failed (those are counted already). A file that crashes before any test is reported
// by the runner as a failed test named after the file, and counts too.

export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  const skipped = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    const isSuite = data.details?.type === 'suite';
    if (data.skip !== undefined || data.todo !== undefined) {
      const reason = typeof data.skip === 'string' ? data.skip : typeof data.todo === 'string' ? data.todo : '';
      skipped.push(`${data.name}${reason ? ` (${reason})` : ''}`);
    } else if (event.type === 'test:fail') {
      if (!isSuite || data.details?.error?.failureType !== 'subtestsFailed') failed++;
    } else if (!isSuite) {
      passed++;
    }
  }
  let out = '';
  if (skipped.length > 0) out += `\nSkipped:\n${skipped.map((s) => `  - ${s}\n`).join('')}`;
  out += `${passed} passed, ${failed} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}\n`;
  yield out;
}
