// Runs the drafts of a run in worker threads (--jobs): hands out small batches as workers come
// free, passes each result on as it arrives. Any worker failure fails the whole run.

import { Worker } from 'node:worker_threads';
import type { LintResult, LintSetup, LintTask } from './lint-one.js';
import type { FromWorker, ToWorker } from './worker.js';

export async function lintInWorkers(tasks: readonly LintTask[], setup: LintSetup, workers: number, onResult: (result: LintResult) => void): Promise<void> {
  // Batches small enough to balance the load and to stream, big enough to keep messages few.
  const batch = Math.max(1, Math.min(16, Math.floor(tasks.length / (workers * 8))));
  let next = 0;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (worker: Worker) => {
        if (next >= tasks.length) {
          worker.postMessage({ stop: true } satisfies ToWorker);
          return;
        }
        const slice = tasks.slice(next, next + batch);
        next += slice.length;
        worker.postMessage({ tasks: slice } satisfies ToWorker);
      };
      for (let i = 0; i < workers; i++) {
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
        pool.push(worker);
        running++;
        worker.on('message', (message: FromWorker) => {
          if ('results' in message) {
            feed(worker); // the next batch first, so the worker never waits on our printing
            for (const result of message.results) onResult(result);
          } else reject(new Error(message.crashed));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a worker thread stopped with code ${code}`));
          else if (--running === 0) resolve();
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
