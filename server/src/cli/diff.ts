// Unified diff of a draft before and after fixing, for --fix-dry-run. Written by hand because
// no installed package makes one; lines keep their endings so CRLF changes stay visible.

const CONTEXT = 3;
/** Above this many cells the middle is shown as one replaced block instead of a minimal diff. */
const MAX_LCS_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

export function unifiedDiff(before: string, after: string, name: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- ${name}`, `+++ ${name}`];
  for (const hunk of groupHunks(ops)) out.push(...hunk);
  return out.join('\n') + '\n';
}

function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  ops.push(...diffMiddle(midA, midB));
  ops.push(...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line })));
  return ops;
}

/** Longest-common-subsequence diff of the changed middle. */
function diffMiddle(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_LCS_CELLS) {
    return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || table[(i + 1) * width + j] >= table[i * width + j + 1])) {
      ops.push({ kind: '-', line: a[i++] });
    } else {
      ops.push({ kind: '+', line: b[j++] });
    }
  }
  return ops;
}

function groupHunks(ops: Op[]): string[][] {
  const hunks: string[][] = [];
  let index = 0;
  let lineA = 1;
  let lineB = 1;
  while (index < ops.length) {
    const change = ops.findIndex((op, k) => k >= index && op.kind !== ' ');
    if (change === -1) break;
    const start = Math.max(index, change - CONTEXT);
    for (let k = index; k < start; k++) {
      lineA++;
      lineB++;
    }
    let end = change;
    let quiet = 0;
    while (end < ops.length && quiet <= CONTEXT * 2) {
      quiet = ops[end].kind === ' ' ? quiet + 1 : 0;
      end++;
    }
    end = Math.min(ops.length, end - Math.max(0, quiet - CONTEXT));
    const body = ops.slice(start, end);
    const countA = body.filter((op) => op.kind !== '+').length;
    const countB = body.filter((op) => op.kind !== '-').length;
    const header = `@@ -${countA === 0 ? lineA - 1 : lineA},${countA} +${countB === 0 ? lineB - 1 : lineB},${countB} @@`;
    hunks.push([header, ...body.map(renderOp)]);
    lineA += countA;
    lineB += countB;
    index = end;
  }
  return hunks;
}

function renderOp(op: Op): string {
  const text = op.line.endsWith('\n') ? op.line.slice(0, -1) : `${op.line}\n\\ No newline at end of file`;
  return `${op.kind}${text}`;
}
