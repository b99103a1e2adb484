// A --jobs worker thread: receives batches of drafts, lints each with its own DraftLinter and
// posts the batch's results, which also asks for the next batch.

import { parentPort, workerData } from 'node:worker_threads';
import { DraftLinter, type LintSetup, type LintTask } from './lint-one.js';

export type ToWorker = { tasks: LintTask[] } | { stop: true };
/** A batch's results come back in one message (one per draft cost more than the lint of a short draft). */
export type FromWorker = { results: import('./lint-one.js').LintResult[] } | { crashed: string };

const port = parentPort;
if (port) {
  const linter = new DraftLinter(workerData as LintSetup);
  port.on('message', (message: ToWorker) => {
    if ('stop' in message) {
      port.close();
      return;
    }
    try {
      port.postMessage({ results: message.tasks.map((task) => linter.lint(task)) } satisfies FromWorker);
    } catch (err) {
      const text = err instanceof Error ? `${err.message}${process.env.COPYDESK_DEBUG === '1' && err.stack ? `\n${err.stack}` : ''}` : String(err);
      port.postMessage({ crashed: text } satisfies FromWorker);
    }
  });
}
