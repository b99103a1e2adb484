// A node:test reporter that prints one closing line, "N passed, N failed", from the runner's
// own totals, after the spec reporter's output. CI systems that read that plain line need it.

export default async function* summaryReporter(source) {
  const totals = {};
  for await (const event of source) {
    if (event.type !== 'test:diagnostic') continue;
    const match = /^(tests|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(event.data.message);
    if (match) totals[match[1]] = Number(match[2]);
  }
  const skipped = (totals.skipped ?? 0) + (totals.todo ?? 0);
  yield `${totals.pass ?? 0} passed, ${(totals.fail ?? 0) + (totals.cancelled ?? 0)} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
