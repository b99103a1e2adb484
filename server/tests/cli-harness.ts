// Shared by the cli*.test.ts files: runs the compiled copydesk launcher as a child process in
// a temp folder, and the invented drafts the tests break and fix.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support/paths.js';
import { tempFolder } from './support/temp.js';

export const LAUNCHER = path.join(REPO_ROOT, 'bin', 'copydesk.js');

/** A draft in the house style: lints clean under copydesk:recommended. */
export const CLEAN_DRAFT = `Police finish trafficking course

ALMATY, Kazakhstan -- Police officers on Friday finished a course run by the Organisation for Security and Co-operation in Europe (OSCE), the OSCE said.

"The course gave our officers new tools to find victims," a police spokesman said.
`;

/** The same draft broken: lower-case city, "-" separator (2 errors), bare OSCE first (1 warning). All three fixable. */
export const BROKEN_DRAFT = `Police finish trafficking course

Almaty, Kazakhstan - Police officers on Friday finished a course run by the OSCE, the OSCE said.

"The course gave our officers new tools to find victims," a police spokesman said.
`;

/** Only the warning: the bare acronym at first use. */
export const WARNING_DRAFT = CLEAN_DRAFT.replace('the Organisation for Security and Co-operation in Europe (OSCE), the OSCE said', 'the OSCE, the OSCE said');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCopydesk(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', COPYDESK_DEBUG: '', ...options.env };
  delete env.FORCE_COLOR;
  if (options.env?.FORCE_COLOR) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Removed when the test process exits. */
export function makeTempFolder(): string {
  return tempFolder('copydesk-cli-');
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}

/** No stack frames ("    at fn (file:1:2)") anywhere in stderr. */
export function assertNoStack(stderr: string): void {
  if (/^\s+at .+[:(]\d+/m.test(stderr) || /Error: .*\n\s+at /.test(stderr)) {
    throw new Error(`stderr holds a stack trace:\n${stderr}`);
  }
}

export function listFolder(root: string): string[] {
  return fs.readdirSync(root).sort();
}
