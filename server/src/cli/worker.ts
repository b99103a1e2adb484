// A --jobs worker thread: receives batches of drafts, lints each with its own DraftLinter and
// posts every result as soon as it is ready, then asks for more.

import { parentPort, workerData } from 'node:worker_threads';
import { DraftLinter, type LintSetup, type LintTask } from './lint-one.js';

export type ToWorker = { tasks: LintTask[] } | { stop: true };
export type FromWorker = { result: import('./lint-one.js').LintResult } | { idle: true } | { crashed: string };

const port = parentPort;
if (port) {
  const linter = new DraftLinter(workerData as LintSetup);
  port.on('message', (message: ToWorker) => {
    if ('stop' in message) {
      port.close();
      return;
    }
    try {
      for (const task of message.tasks) port.postMessage({ result: linter.lint(task) } satisfies FromWorker);
      port.postMessage({ idle: true } satisfies FromWorker);
    } catch (err) {
      const text = err instanceof Error ? `${err.message}${process.env.COPYDESK_DEBUG === '1' && err.stack ? `\n${err.stack}` : ''}` : String(err);
      port.postMessage({ crashed: text } satisfies FromWorker);
    }
  });
}
