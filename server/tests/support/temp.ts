// Temp folders for tests, removed when the test process exits (pass, fail or throw), so a run
// leaves nothing behind in the system temp folder.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();
let hooked = false;

/** A fresh folder under the system temp folder, removed at process exit if the test did not. */
export function tempFolder(prefix = 'copydesk-test-'): string {
  if (!hooked) {
    hooked = true;
    process.on('exit', removeTempFolders);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export function removeTempFolders(): void {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  made.clear();
}
