// Runs the drafts of a run on several threads (--jobs): this thread and worker threads take
// small batches from one queue as they come free, and each result is passed on as it arrives.
// This thread lints too (it has the engine loaded already, and a 2-core machine has no core to
// spare for a thread that only hands out work); each worker holds a batch in reserve so that it
// never waits while this thread is busy linting. Any worker failure fails the whole run.

import { Worker } from 'node:worker_threads';
import type { LintResult, LintSetup, LintTask } from './lint-one.js';
import type { FromWorker, ToWorker } from './worker.js';

/** Batches sent ahead to each worker: one being linted, one waiting. */
const AHEAD = 2;

/**
 * Lints `tasks` on `threads` threads (this one and threads - 1 workers); `lintHere` lints one
 * draft in this thread. Resolves when every draft has a result.
 */
export async function lintInThreads(
  tasks: readonly LintTask[],
  setup: LintSetup,
  threads: number,
  lintHere: (task: LintTask) => LintResult,
  onResult: (result: LintResult) => void,
): Promise<void> {
  let next = 0;
  /** Batches small enough to balance the load at the end and to stream, big enough to keep messages few. */
  const take = (): LintTask[] => {
    const size = Math.max(1, Math.min(16, Math.floor((tasks.length - next) / (threads * 4))));
    const slice = tasks.slice(next, next + size);
    next += slice.length;
    return slice;
  };
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      let running = 0;
      let hereDone = false;
      const settle = () => {
        if (hereDone && running === 0) resolve();
      };
      const fail = (err: Error) => {
        failed = true;
        reject(err);
      };
      /** Sends the worker its next batch, or tells it to stop when there is none; false once stopped. */
      const feed = (worker: Worker): boolean => {
        const slice = take();
        worker.postMessage((slice.length > 0 ? { tasks: slice } : { stop: true }) satisfies ToWorker);
        return slice.length > 0;
      };
      for (let i = 0; i < threads - 1; i++) {
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
        pool.push(worker);
        running++;
        let feeding = true;
        worker.on('message', (message: FromWorker) => {
          if (!('results' in message)) return fail(new Error(message.crashed));
          if (feeding) feeding = feed(worker); // the next batch first, so the worker never waits on our printing
          for (const result of message.results) onResult(result);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a worker thread stopped with code ${code}`));
          else if (--running === 0) settle();
        });
        for (let k = 0; k < AHEAD && feeding; k++) feeding = feed(worker);
      }
      // This thread's share: a batch at a time, letting the workers' messages in between.
      const lintSome = () => {
        if (failed) return;
        const slice = take();
        if (slice.length === 0) {
          hereDone = true;
          settle();
          return;
        }
        try {
          for (const task of slice) onResult(lintHere(task));
        } catch (err) {
          fail(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        setImmediate(lintSome);
      };
      setImmediate(lintSome);
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
