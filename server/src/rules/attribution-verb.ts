// Rule `attribution-verb`: loaded speech verbs (claimed, admitted, insisted …) used to
// attribute a quotation or reported speech, where house style wants the neutral "said".
// Only attribution uses are flagged ("claimed that", ", the minister claimed."), never a
// verb with a noun object ("revealed a plan", "admitted to hospital"). Fix keeps the tense.

import { quotationsOf, sentencesOf, sentenceIndexAt } from '../engine/segment.js';
import type { NewsDocument } from '../engine/document.js';
import type { ProseBlock } from '../engine/prose.js';
import type { RuleContext, RuleDefinition } from './rule.js';

export const LOADED_VERBS = [
  'claimed', 'stated', 'admitted', 'revealed', 'noted', 'insisted', 'confessed', 'conceded', 'explained',
  'declared', 'asserted', 'maintained', 'pointed out', 'alleged', 'affirmed', 'contended', 'proclaimed',
  'disclosed', 'acknowledged',
];

type Form = 'past' | 'third' | 'participle' | 'base';

interface VerbMatcher {
  pattern: RegExp;
  /** Lower-cased inflected form (first word, particle dropped) -> its grammatical form. */
  forms: Map<string, Form>;
}

const matcherCache = new WeakMap<readonly string[], VerbMatcher>();

/** The stem of a regular past form: admitted -> admit, stated -> state, claimed -> claim. */
function stemOf(past: string): string {
  if (!past.endsWith('ed')) return past;
  const bare = past.slice(0, -2);
  if (/([bdfglmnprst])\1$/.test(bare) && !/(ss|ll)$/.test(bare)) return bare.slice(0, -1);
  if (bare.endsWith('u')) return `${bare}e`;
  // A consonant after a single vowel (stat-ed, not-ed, conced-ed) had a silent e.
  if (/(^|[^aeiou])[aeiou][bcdgkmnprstvz]$/.test(bare) && !/[aeiou]{2}[a-z]$/.test(bare)) return `${bare}e`;
  return bare;
}

function inflections(past: string): [string, Form][] {
  const stem = stemOf(past);
  const third = /(s|sh|ch|x|z)$/.test(stem) ? `${stem}es` : `${stem}s`;
  const doubled = past.length - stem.length === 3 && !stem.endsWith('e') ? stem + stem[stem.length - 1] : stem;
  const participle = stem.endsWith('e') && !stem.endsWith('ee') ? `${stem.slice(0, -1)}ing` : `${doubled}ing`;
  return [[past, 'past'], [third, 'third'], [participle, 'participle'], [stem, 'base']];
}

function matcherFor(verbs: readonly string[]): VerbMatcher {
  let matcher = matcherCache.get(verbs);
  if (matcher) return matcher;
  const forms = new Map<string, Form>();
  const alternatives: string[] = [];
  for (const verb of verbs) {
    const [head, ...particles] = verb.trim().toLowerCase().split(/\s+/);
    if (!head || head === 'said') continue;
    const tail = particles.map((p) => `\\s+${escape(p)}`).join('');
    for (const [word, form] of inflections(head)) {
      if (!forms.has(word)) forms.set(word, form);
      alternatives.push(`${escape(word)}${tail}`);
    }
  }
  alternatives.sort((a, b) => b.length - a.length);
  const body = alternatives.length > 0 ? alternatives.join('|') : '(?!)';
  matcher = { pattern: new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${body})(?![\\p{L}\\p{N}'’-])`, 'giu'), forms };
  matcherCache.set(verbs, matcher);
  return matcher;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The preferred verb in each form: said -> say, says, saying, said. */
function preferredForms(preferred: string): Record<Form, string> {
  const p = preferred.trim().toLowerCase();
  const irregular: Record<string, Record<Form, string>> = {
    said: { past: 'said', third: 'says', participle: 'saying', base: 'say' },
    told: { past: 'told', third: 'tells', participle: 'telling', base: 'tell' },
    wrote: { past: 'wrote', third: 'writes', participle: 'writing', base: 'write' },
  };
  if (irregular[p]) return irregular[p];
  const table = Object.fromEntries(inflections(p).map(([w, f]) => [f, w])) as Record<Form, string>;
  return table;
}

// What may stand between the verb and the end of an attribution clause, up to two of them:
// "…, the ministry disclosed in a filing on Monday."
const ADVERBIAL = String.raw`(?:\s+(?:in\s+(?:a|an|the|his|her|their|its)\s+(?:statement|interview|letter|speech|report|post|filing|briefing|tweet|note|release|(?:news|press)\s+conference)|on\s+\p{Lu}\p{L}+|to\s+(?:reporters|journalists|\p{Lu}[\p{L}.]+)|last\s+(?:week|month|year)|yesterday|today|later|earlier|again|repeatedly|publicly)){0,2}`;
const TAIL_ENDS_CLAUSE = new RegExp(`^${ADVERBIAL}\\s*(?:[.,;!?…]|$)`, 'u');
const TAIL_THAT = new RegExp(`^${ADVERBIAL},?\\s+that(?![\\p{L}])`, 'u');
const TAIL_QUOTE = /^\s*[:,]?\s*["“]/u;
/** A clause before the verb that makes it a relative or subordinate use: ", which he revealed." */
const SUBORDINATE = /^(?:which|that|who|whom|whose|as|when|where|what|after|before|if|because|although|though|while|since|until|unless|whether|than|how|why)$/i;
/** Words after which a -s or base form is a noun: "denied claims that", "the claim that". */
const NOUN_CUE = new Set(
  'the a an his her its their our my your these those this such any no many several some new similar false earlier previous further recent of about over amid despite against with by on for in at from into denied denies deny rejected rejects reject dismissed dismisses dismiss disputed disputes refuted investigated made make makes making'.split(' '),
);

export const attributionVerb: RuleDefinition = {
  id: 'attribution-verb',
  description: 'Attribute speech with "said", not a loaded verb such as "claimed" or "admitted".',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    verbs: { type: 'string[]', default: LOADED_VERBS, description: 'Loaded speech verbs, in the past tense ("claimed", "pointed out"); the other forms (claims, claiming, claim) are derived.' },
    preferred: { type: 'string', default: 'said', description: 'The verb to write instead, in the past tense.' },
  },
  check(context: RuleContext): void {
    const matcher = matcherFor(context.options.verbs as readonly string[]);
    const preferred = preferredForms(context.options.preferred as string);
    const quoted = quotedRanges(context.doc);
    for (const block of context.doc.body) {
      const inQuote = quoted.get(block) ?? [];
      matcher.pattern.lastIndex = 0;
      for (let m = matcher.pattern.exec(block.text); m; m = matcher.pattern.exec(block.text)) {
        const at = m.index;
        const end = at + m[0].length;
        if (inQuote.some(([s, e]) => at >= s && at < e)) continue;
        const form = matcher.forms.get(m[0].split(/\s+/)[0].toLowerCase());
        // A capital inside a sentence is a name: "the United States".
        if (/^\p{Lu}/u.test(m[0]) && !startsSentence(block, at)) continue;
        if (!form || !isAttribution(block, at, end, form)) continue;
        const replacement = matchCase(m[0], preferred[form]);
        const start = block.map.toSource(at);
        context.report({
          start,
          end: block.map.toSourceEnd(end),
          message: `"${m[0].replace(/\s+/g, ' ')}" takes sides; attribute with "${replacement}".`,
          fix: { title: `Replace with "${replacement}"`, edits: [{ start, end: block.map.toSourceEnd(end), text: replacement }] },
        });
      }
    }
  },
};

function startsSentence(block: ProseBlock, at: number): boolean {
  const sentences = sentencesOf(block);
  const sentence = sentences[sentenceIndexAt(sentences, at)];
  // The dateline counts as no words: "ALMATY, Kazakhstan -- Admitting that …".
  return sentence !== undefined && /(?:^|\s[-–—]{1,2}\s+)[\s"“‘'(]*$/u.test(block.text.slice(sentence.start, at));
}

function isAttribution(block: ProseBlock, at: number, end: number, form: Form): boolean {
  const text = block.text;
  const sentences = sentencesOf(block);
  const sentence = sentences[sentenceIndexAt(sentences, at)];
  const sentenceEnd = sentence && sentence.end >= end ? sentence.end : text.length;
  const after = text.slice(end, Math.min(sentenceEnd + 1, end + 80));
  const before = text.slice(sentence ? sentence.start : 0, at);
  const previousWord = /([\p{L}]+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  // "denied claims that", "Phoenix's claim that", "30 mln dlrs in notes": the -s and base forms are nouns here.
  const nounLike = (form === 'third' || form === 'base') && (NOUN_CUE.has(previousWord) || /(?:['’]s?|\p{N})\s*$/u.test(before));
  if (nounLike) return false;
  if (TAIL_THAT.test(after) || TAIL_QUOTE.test(after)) return true;
  // `," claimed the minister.` — the verb right after a quotation closes.
  if (/[,!?]["”]\s*$/u.test(before)) return true;
  if (!TAIL_ENDS_CLAUSE.test(after) || form === 'base') return false;
  // `…, the minister claimed.` — a short subject after a comma or a closing quotation.
  const clause = /(?:,|[,!?]["”])\s*([^,;:"“”()]*)$/u.exec(before);
  if (!clause) return false;
  const words = clause[1].trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  if (SUBORDINATE.test(words[0])) return false;
  // The subject must not itself hold a verb: "…, was first revealed." reads as a passive.
  return !words.some((w) => /^(?:was|were|is|are|been|be|being)$/i.test(w));
}

/** Content ranges of quotations per block: words a speaker used are not the writer's attribution. */
function quotedRanges(doc: NewsDocument): Map<ProseBlock, [number, number][]> {
  const ranges = new Map<ProseBlock, [number, number][]>();
  for (const q of quotationsOf(doc)) {
    for (const part of q.parts) {
      let list = ranges.get(part.block);
      if (!list) ranges.set(part.block, (list = []));
      list.push([part.start, part.end]);
    }
  }
  return ranges;
}

function matchCase(original: string, word: string): string {
  if (original === original.toUpperCase() && original.length > 1) return word.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}
