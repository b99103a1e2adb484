// The npm package works outside the clone: `npm pack`, a global install into a temp prefix
// (dependencies from the npm cache the clone's install filled), then the installed `copydesk`
// lints a draft and `copydesk-language-server` answers an LSP initialize over stdio.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support/paths.js';
import { tempFolder } from './support/temp.js';
import { BROKEN_DRAFT } from './cli-harness.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** One LSP message framed for stdio. */
function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test('npm pack, global install into a temp prefix: copydesk and copydesk-language-server run', { timeout: 240_000 }, async () => {
  const temp = tempFolder('copydesk-install-');
  const prefix = path.join(temp, 'prefix');
  const work = path.join(temp, 'desk');
  fs.mkdirSync(work);
  // The clone is already built (the tests run from out/); no prepare script on pack.
  const packed = run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', temp], REPO_ROOT);
  const tarball = path.join(temp, packed.stdout.trim().split('\n').pop()!);
  assert.ok(fs.existsSync(tarball), tarball);
  // Installed from the temp folder, so nothing of the clone is found by walking up.
  run(npm, ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], temp);
  const bin = path.join(prefix, 'bin');
  const installed = path.join(prefix, 'lib', 'node_modules', 'copydesk');
  assert.ok(!fs.existsSync(path.join(installed, 'server', 'src')), 'no TypeScript sources in the package');
  assert.ok(!fs.existsSync(path.join(installed, 'out', 'server', 'tests')), 'no tests in the package');

  fs.writeFileSync(path.join(work, 'story.md'), BROKEN_DRAFT);
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' };
  const lint = spawnSync(path.join(bin, 'copydesk'), ['-f', 'json', 'story.md'], { cwd: work, env, encoding: 'utf8' });
  assert.equal(lint.status, 1, lint.stderr);
  const [entry] = JSON.parse(lint.stdout) as { errorCount: number; warningCount: number }[];
  assert.deepEqual([entry.errorCount, entry.warningCount], [2, 1]);
  // Rule pages ship with the package: SARIF help comes from them.
  const sarif = spawnSync(path.join(bin, 'copydesk'), ['-f', 'sarif', 'story.md'], { cwd: work, env, encoding: 'utf8' });
  assert.match(sarif.stdout, /"markdown": "# dateline/);

  const server = spawn(path.join(bin, 'copydesk-language-server'), [], { cwd: work, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const reply = new Promise<{ id: number; result: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } }>((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      buffer = Buffer.concat([buffer, chunk]);
      // Messages in order; the server may send notifications before the answer to request 1.
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, header).toString())?.[1]);
        if (header < 0 || !(buffer.length >= header + 4 + length)) break;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === 1) resolve(message);
      }
    });
    server.on('exit', (code) => reject(new Error(`the language server exited (${code}) before answering: ${output}`)));
  });
  server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  const answer = await reply;
  assert.equal(answer.id, 1);
  assert.ok(answer.result.capabilities.textDocumentSync !== undefined, JSON.stringify(answer.result));
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  server.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
  server.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
  assert.equal(await exited, 0);
});
