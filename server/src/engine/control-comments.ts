// Control comments in a draft: <!-- copydesk-disable RULE[, RULE] -->, <!-- copydesk-enable -->,
// <!-- copydesk-disable-next-line RULE -->, and Vale's own: <!-- vale off -->, <!-- vale on -->,
// <!-- vale Style.Rule = NO|YES -->. Parsing only; lint.ts decides what they silence.

export type ControlKind = 'disable' | 'enable' | 'disable-next-line';

export interface ControlComment {
  kind: ControlKind;
  /** Rule ids named; empty means every rule. */
  rules: { id: string; start: number; end: number }[];
  start: number;
  end: number;
}

const CONTROL = /^<!--\s*copydesk-(disable-next-line|disable|enable)(?=[\s-])([^]*?)-->\s*$/;

const VALE = /^<!--\s*vale\s+([^]*?)\s*-->\s*$/;
const VALE_SETTING = /([\w.-]+)\s*=\s*(YES|NO)\b/g;

/** A Vale comment as the Copydesk comment it means: off/on every rule, or Style.Rule = NO/YES. */
function findValeComment(html: string, start: number, end: number): ControlComment | null {
  const match = VALE.exec(html);
  if (!match) return null;
  const body = match[1];
  if (body === 'off' || body === 'on') return { kind: body === 'off' ? 'disable' : 'enable', rules: [], start, end };
  const bodyStart = start + match[0].indexOf(body);
  const rules: ControlComment['rules'] = [];
  let kind: ControlKind | null = null;
  for (const m of body.matchAll(VALE_SETTING)) {
    const settingKind: ControlKind = m[2] === 'NO' ? 'disable' : 'enable';
    // One comment switches rules one way; a mixed comment keeps the first direction only.
    if (kind !== null && kind !== settingKind) continue;
    kind = settingKind;
    rules.push({ id: m[1], start: bodyStart + (m.index ?? 0), end: bodyStart + (m.index ?? 0) + m[1].length });
  }
  return kind === null ? null : { kind, rules, start, end };
}

/** Reads one HTML node; returns null when it is not a Copydesk or Vale control comment. */
export function findControlComment(html: string, start: number, end: number): ControlComment | null {
  const match = CONTROL.exec(html);
  if (!match) return findValeComment(html, start, end);
  const kind = match[1] as ControlKind;
  const listStart = start + match[0].indexOf(match[1]) + match[1].length;
  const rules: ControlComment['rules'] = [];
  const idPattern = /[^\s,]+/g;
  for (let m = idPattern.exec(match[2]); m; m = idPattern.exec(match[2])) {
    rules.push({ id: m[0], start: listStart + m.index, end: listStart + m.index + m[0].length });
  }
  return { kind, rules, start, end };
}
