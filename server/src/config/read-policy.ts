// Which files a style may make Copydesk read, checked before a byte is read: extends targets and
// discovered config files must be YAML style files or Vale style folders inside the project.

import fs from 'node:fs';
import path from 'node:path';

/** Where config files may come from. */
export interface ReadPolicy {
  /** Project or workspace roots (absolute): anything inside them may be extended. */
  roots: readonly string[];
  /** An untrusted workspace: nothing outside the roots is read, not even parent folders' configs. */
  untrusted: boolean;
}

export const OPEN_POLICY: ReadPolicy = { roots: [], untrusted: false };

export type TargetCheck =
  | { ok: true; real: string; kind: 'file' | 'folder' }
  | { ok: false; missing: true }
  | { ok: false; missing: false; reason: string };

/** YAML style files, and a Vale configuration by Vale's own names (.vale.ini, _vale.ini, vale.ini, .vale, _vale). */
const STYLE_FILE = /\.ya?ml$|(?:^|[\\/])(?:[._]?vale\.ini|[._]vale)$/i;

/** Folders that hold a style file of their own name: `.copydesk.yaml` and friends. */
export function isNamedConfigFile(file: string): boolean {
  return /^\.copydesk\.ya?ml$/.test(path.basename(file));
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** `inner` is `outer` or lies below it. */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Whether `real` (a resolved, link-free path) may be read for a config in `fromFolder`: inside a
 * root; or, in a trusted workspace, inside the config's own folder, or directly in one of the
 * parent folders of that folder or of a root (where discovery looks for .copydesk.yaml too).
 */
export function isAllowedLocation(real: string, fromFolder: string, policy: ReadPolicy): boolean {
  const roots = policy.roots.map(realOrSelf);
  if (roots.some((root) => isInside(real, root))) return true;
  if (policy.untrusted) return false;
  const from = realOrSelf(fromFolder);
  if (isInside(real, from)) return true;
  const folder = path.dirname(real);
  return [from, ...roots].some((base) => isInside(base, folder));
}

const ALLOWED_TARGETS = 'extends takes a .yaml or .yml style file, a Vale style folder, a .vale.ini or "copydesk:recommended"';
const WHERE = 'inside the project, in one of its parent folders, or beside the --config file';

/** Checks an extends target named in the config file `from`, without reading it. */
export function checkExtendsTarget(absolute: string, from: string, policy: ReadPolicy): TargetCheck {
  const linkStat = fs.lstatSync(absolute, { throwIfNoEntry: false });
  if (!linkStat) return { ok: false, missing: true };
  const real = realOrSelf(absolute);
  const stat = fs.statSync(real, { throwIfNoEntry: false });
  if (!stat) return { ok: false, missing: true };
  const shown = real === absolute ? absolute : `${absolute} (a link to ${real})`;
  if (stat.isFile()) {
    if (!STYLE_FILE.test(absolute) || !STYLE_FILE.test(real)) return refuse(`${shown} is not a style file; ${ALLOWED_TARGETS}`);
  } else if (!stat.isDirectory()) {
    return refuse(`${shown} is not a regular file; ${ALLOWED_TARGETS}`);
  }
  if (!isAllowedLocation(real, path.dirname(from), policy)) {
    const where = policy.untrusted ? 'inside the workspace (it is not trusted)' : WHERE;
    return refuse(`${shown} is outside the places a style may be read from; style files are read only ${where}`);
  }
  return { ok: true, real, kind: stat.isFile() ? 'file' : 'folder' };
}

/** Checks a discovered `.copydesk.yaml` that may be a link: its target must be a style file in an allowed place. */
export function checkDiscoveredFile(file: string, policy: ReadPolicy): string | null {
  const real = realOrSelf(file);
  const stat = fs.statSync(real, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) return `${file} is not a regular file; a config file must be a YAML file`;
  if (real === file) return null;
  if (!STYLE_FILE.test(real)) return `${file} is a link to ${real}, which is not a style file; a config file must be a .yaml or .yml file`;
  if (!isAllowedLocation(real, path.dirname(file), policy)) {
    return `${file} is a link to ${real}, outside the places a style may be read from; style files are read only ${policy.untrusted ? 'inside the workspace (it is not trusted)' : WHERE}`;
  }
  return null;
}

function refuse(reason: string): TargetCheck {
  return { ok: false, missing: false, reason };
}

/** The CLI's project roots: the working folder and the repository (a folder with .git, .hg or .svn) around it. */
export function projectRootsOf(cwd: string): string[] {
  const roots = [path.resolve(cwd)];
  for (let dir = roots[0]; ; dir = path.dirname(dir)) {
    if (['.git', '.hg', '.svn'].some((marker) => fs.existsSync(path.join(dir, marker)))) {
      if (dir !== roots[0]) roots.push(dir);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return roots;
}
