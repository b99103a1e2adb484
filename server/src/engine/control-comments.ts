// Control comments in a draft: <!-- copydesk-disable RULE[, RULE] -->, <!-- copydesk-enable -->,
// <!-- copydesk-disable-next-line RULE -->. Parsing only; lint.ts decides what they silence.

export type ControlKind = 'disable' | 'enable' | 'disable-next-line';

export interface ControlComment {
  kind: ControlKind;
  /** Rule ids named; empty means every rule. */
  rules: { id: string; start: number; end: number }[];
  start: number;
  end: number;
}

const CONTROL = /^<!--\s*copydesk-(disable-next-line|disable|enable)(?=[\s-])([^]*?)-->\s*$/;

/** Reads one HTML node; returns null when it is not a Copydesk control comment. */
export function findControlComment(html: string, start: number, end: number): ControlComment | null {
  const match = CONTROL.exec(html);
  if (!match) return null;
  const kind = match[1] as ControlKind;
  const listStart = start + match[0].indexOf(match[1]) + match[1].length;
  const rules: ControlComment['rules'] = [];
  const idPattern = /[^\s,]+/g;
  for (let m = idPattern.exec(match[2]); m; m = idPattern.exec(match[2])) {
    rules.push({ id: m[0], start: listStart + m.index, end: listStart + m.index + m[0].length });
  }
  return { kind, rules, start, end };
}
