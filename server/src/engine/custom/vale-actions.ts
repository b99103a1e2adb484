// Vale `action:` blocks as Copydesk fixes: replace (one fix per suggestion), remove, and the
// edit actions (regex, trim, trim_left, trim_right, truncate, split). A fix that would leave a
// "$1" or empty the text oddly is not offered: the finding is then reported without a fix.

import type { Fix } from '../types.js';
import { compileRegex } from './regex.js';
import type { ScopeUnit } from './scopes.js';
import type { ValeAction } from './vale-spec.js';

/** Fixes for a match [start, end) of unit; `suggestions` are the replace texts already worked out. */
export function actionFixes(action: ValeAction | null, unit: ScopeUnit, start: number, end: number, suggestions: readonly string[]): Fix[] {
  if (!action) return [];
  const found = unit.text.slice(start, end);
  const at = unit.toSource(start);
  const to = unit.toSourceEnd(end);
  // A fix must replace exactly the text found: a match that maps onto markup or a gap is left alone.
  if (to - at !== end - start) return [];
  const replaceWith = (text: string, title: string): Fix | null =>
    /\$\{?\d/.test(text) || text === found ? null : { title, edits: [{ start: at, end: to, text }] };
  const fixes: (Fix | null)[] = [];
  switch (action.name) {
    case 'replace':
      for (const s of suggestions.length ? suggestions : action.params) fixes.push(replaceWith(s, `Replace with "${s}"`));
      break;
    case 'remove':
      fixes.push(removal(unit, start, end));
      break;
    case 'edit': {
      const edited = edit(found, action.params);
      if (edited !== null) fixes.push(replaceWith(edited, edited === '' ? `Remove "${found}"` : `Change to "${edited}"`));
      break;
    }
    default:
      // suggest (spelling) and unknown actions: nothing Copydesk can apply.
      break;
  }
  return fixes.filter((f): f is Fix => f !== null);
}

/** Deletes the match and one space beside it, so no double space or space before punctuation is left. */
function removal(unit: ScopeUnit, start: number, end: number): Fix | null {
  let s = start;
  let e = end;
  if (unit.text[e] === ' ') e++;
  else if (unit.text[s - 1] === ' ') s--;
  const at = unit.toSource(s);
  const to = unit.toSourceEnd(e);
  if (to - at !== e - s) return null;
  return { title: `Remove "${unit.text.slice(start, end)}"`, edits: [{ start: at, end: to, text: '' }] };
}

function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  while (left && a < b && chars.includes(s[a])) a++;
  while (right && b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Vale's edit action on the text found; null when the parameters make no sense. */
export function edit(found: string, params: readonly string[]): string | null {
  const [kind, a = '', b = ''] = params;
  switch (kind) {
    case 'regex': {
      const compiled = compileRegex(a, false, false);
      if (!compiled.ok) return null;
      const m = compiled.re.first(found);
      if (!m) return found;
      const replaced = b.replace(/\$(?:\{(\d+)\}|(\d+))/g, (_, x: string | undefined, y: string | undefined) => m.group(Number(x ?? y)) ?? '');
      return found.slice(0, m.start) + replaced + found.slice(m.end);
    }
    case 'remove':
      return [...found].filter((c) => !a.includes(c)).join('');
    case 'trim':
      return trimChars(found, a || ' ', true, true);
    case 'trim_left':
      return trimChars(found, a || ' ', true, false);
    case 'trim_right':
      return trimChars(found, a || ' ', false, true);
    case 'truncate': {
      const i = found.indexOf(a || ' ');
      return i === -1 ? found : found.slice(0, i);
    }
    case 'split': {
      const parts = found.split(a || ' ');
      const index = Number(b || 0);
      return Number.isInteger(index) && parts[index] !== undefined ? parts[index] : null;
    }
    default:
      return null;
  }
}
