// Rule `attribution-verb`: loaded speech verbs (claimed, admitted, insisted …) used to
// attribute a quotation or reported speech, where house style wants the neutral "said".
// Only attribution uses are flagged ("claimed that", ", the minister claimed."), never a
// verb with a noun object ("revealed a plan", "admitted to hospital"). Fix keeps the tense.

import { inQuotationAt, QUOTATIONS_OPTION, sentencesOf, sentenceIndexAt } from '../engine/segment.js';
import type { ProseBlock } from '../engine/prose.js';
import { escapeRegExp, matchCase } from '../engine/text-case.js';
import { inflections, LOADED_VERBS, type Form } from '../engine/speech-verbs.js';
import type { RuleContext, RuleDefinition } from './rule.js';

interface VerbMatcher {
  pattern: RegExp;
  /** Lower-cased inflected form (first word, particle dropped) -> its grammatical form. */
  forms: Map<string, Form>;
}

const matcherCache = new WeakMap<readonly string[], VerbMatcher>();

function matcherFor(verbs: readonly string[]): VerbMatcher {
  let matcher = matcherCache.get(verbs);
  if (matcher) return matcher;
  const forms = new Map<string, Form>();
  const alternatives: string[] = [];
  for (const verb of verbs) {
    const [head, ...particles] = verb.trim().toLowerCase().split(/\s+/);
    if (!head || head === 'said') continue;
    const tail = particles.map((p) => `\\s+${escapeRegExp(p)}`).join('');
    for (const [word, form] of inflections(head)) {
      if (!forms.has(word)) forms.set(word, form);
      alternatives.push(`${escapeRegExp(word)}${tail}`);
    }
  }
  alternatives.sort((a, b) => b.length - a.length);
  const body = alternatives.length > 0 ? alternatives.join('|') : '(?!)';
  matcher = { pattern: new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${body})(?![\\p{L}\\p{N}'’-])`, 'giu'), forms };
  matcherCache.set(verbs, matcher);
  return matcher;
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
const ADVERBIAL = String.raw`(?:\s+(?:in\s+(?:a|an|the|his|her|their|its)\s+(?:statement|interview|letter|speech|report|post|filing|briefing|tweet|note|release|(?:news|press)\s+conference)|on\s+\p{Lu}\p{L}+|to\s+(?:reporters|journalists|\p{Lu}[\p{L}.]+)|on\s+(?:its|his|her|their|the|\p{Lu}\p{L}+['’]s)\s+(?:official\s+)?(?:website|web\s+site|blog)|at\s+the\s+time|last\s+(?:night|week|month|year)|yesterday|today|later|earlier|again|repeatedly|publicly)){0,2}`;
const TAIL_ENDS_CLAUSE = new RegExp(`^${ADVERBIAL}\\s*(?:[.,;!?…]|$)`, 'u');
const TAIL_THAT = new RegExp(`^${ADVERBIAL},?\\s+that(?![\\p{L}])`, 'u');
const TAIL_QUOTE = /^\s*[:,]?\s*["“]/u;
/** A clause before the verb that makes it a relative or subordinate use: ", which he revealed." */
const SUBORDINATE = /^(?:which|that|who|whom|whose|as|when|where|what|after|before|if|because|although|though|while|since|until|unless|whether|than|how|why)$/i;
/** Words after which a -s or base form is a noun: "denied claims that", "the claim that". */
const NOUN_CUE = new Set(
  'the a an his her its their our my your these those this such any no all both most more fewer many several some new similar false earlier previous further recent of about over amid despite against with by on for in at from into denied denies deny rejected rejects reject dismissed dismisses dismiss disputed disputes refuted investigated made make makes making down up off back counter such rival conflicting competing dismissing rejecting denying following after face faces faced facing fuel fuels dent support backed repeated promissory senior junior subordinated convertible secured unsecured floating fixed bank treasury credit guaranteed exchangeable'.split(' '),
);
/** Words a verb's subject cannot end with: articles, possessives, prepositions ("the claim", "of claims"). */
const NOT_SUBJECT = new Set(
  'the a an his her its their our my your these those this such any no every of about over amid despite against with by on for in at from into to denied denies rejected rejects dismissed disputed made make makes'.split(' '),
);
/** Legal and reporting verbs that are correct usage with a legal subject: "prosecutors allege". */
const LEGAL_VERBS = /^alleg/i;
const LEGAL_CONTEXT = /\b(?:prosecut\w*|police|plaintiffs?|lawsuits?|suits?|complaints?|indictments?|charges?|charged|court|petitions?|filed|filing|attorneys?|lawyers?|regulators?|SEC|FBI|investigators?|accus\w*|allegations?|claimants?|writs?|trial|jury|judge)\b/i;
const ADVERBIAL_LEAD = new RegExp(`^${ADVERBIAL}`, 'u');
/** Finite verbs that show a clause has begun: "claimed it would", "admitted the Iranians had occupied". */
const AUXILIARIES = new Set('had has have was were is are would will could can may might should must did does do shall'.split(' '));
const IRREGULAR_PAST = new Set(
  'fell rose won lost set grew saw took made came went gave got held paid sold bought met led left kept found began became brought thought cut put hit ran knew felt told sent spent built fought stood rose drew'.split(' '),
);
/** Words that end a noun phrase without a verb: the tail is no clause. */
const CLAUSE_STOP = new Set('and or but that which who whom whose to if because when while than so nor'.split(' '));
const NOT_LAST = new Set('the a an of in on at for by with from into its his her their our this these those some no all any'.split(' '));

/**
 * Whether the words after the verb are a clause of reported speech without "that": a
 * short subject, then a finite verb ("claimed it would", "insisted the plan had failed",
 * "admitted its sales fell"). A verb with a plain object ("revealed the plan") is none.
 */
function reportsClause(after: string): boolean {
  const lead = ADVERBIAL_LEAD.exec(after)?.[0].length ?? 0;
  const words = after.slice(lead).split(/[,;:()"“”]/)[0].trim().split(/\s+/).slice(0, 10);
  // "declared himself satisfied": a reflexive object, not a clause.
  if (/^(?:himself|herself|itself|themselves|myself|ourselves)$/i.test(words[0] ?? '')) return false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i].replace(/[.!?]+$/, '');
    const previous = words[i - 1];
    const lower = previous.toLowerCase();
    if (CLAUSE_STOP.has(lower) || /[.!?]$/.test(previous) && !/^(?:\p{L}\.)+$/u.test(previous)) return false;
    if (NOT_LAST.has(lower)) continue;
    if (AUXILIARIES.has(word) || IRREGULAR_PAST.has(word) || /^\p{Ll}{2,}ed$/u.test(word)) return true;
    // "it plans", "he expects": a present-tense verb after a pronoun.
    if (i === 1 && /^(?:he|she|it)$/i.test(previous) && /^\p{Ll}{2,}s$/u.test(word)) return true;
  }
  return false;
}

/** Verbs whose "to" + noun or -ing is a confession, not a clause: "admitted to evading" is no place for "said". */
const TAIL_TO = /^\s+to\s/;
/** "explained how", "revealed why": a question clause the neutral verb cannot take. */
const TAIL_WH = /^\s+(?:how|why|what|whether|when|where|who|which)(?![\p{L}])/u;

type Verdict = 'fix' | 'report' | null;

export const attributionVerb: RuleDefinition = {
  id: 'attribution-verb',
  description: 'Attribute speech with "said", not a loaded verb such as "claimed" or "admitted".',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    verbs: { type: 'string[]', default: LOADED_VERBS, description: 'Loaded speech verbs, in the past tense ("claimed", "pointed out"); the other forms (claims, claiming, claim) are derived.' },
    preferred: { type: 'string', default: 'said', description: 'The verb to write instead, in the past tense.' },
    quotations: QUOTATIONS_OPTION,
  },
  check(context: RuleContext): void {
    const matcher = matcherFor(context.options.verbs as readonly string[]);
    const preferred = preferredForms(context.options.preferred as string);
    const reportQuoted = context.options.quotations === 'report';
    for (const block of context.doc.body) {
      matcher.pattern.lastIndex = 0;
      for (let m = matcher.pattern.exec(block.text); m; m = matcher.pattern.exec(block.text)) {
        const at = m.index;
        const end = at + m[0].length;
        const quoted = inQuotationAt(context.doc, block, at, end);
        if (quoted && !reportQuoted) continue;
        const form = matcher.forms.get(m[0].split(/\s+/)[0].toLowerCase());
        // A capital inside a sentence is a name: "the United States".
        if (/^\p{Lu}/u.test(m[0]) && !startsSentence(block, at)) continue;
        const verdict = form ? judge(block, at, end, form) : null;
        if (!verdict) continue;
        const replacement = matchCase(preferred[form!], m[0]);
        const start = block.map.toSource(at);
        const sourceEnd = block.map.toSourceEnd(end);
        const word = m[0].replace(/\s+/g, ' ');
        const message = quoted
          ? `"${word}" takes sides, but these are the speaker's words (inside a quotation): leave them or take them out of the quotation.`
          : verdict === 'fix'
            ? `"${word}" takes sides; attribute with "${replacement}".`
            : `"${word}" takes sides; attribute neutrally (the sentence needs rewording around "${replacement}").`;
        context.report({
          start,
          end: sourceEnd,
          message,
          ...(verdict === 'fix' && !quoted ? { fix: { title: `Replace with "${replacement}"`, edits: [{ start, end: sourceEnd, text: replacement }] } } : {}),
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

/**
 * Whether the verb at [at, end) attributes speech: "fix" when "said" can stand in its place,
 * "report" when it attributes but the neutral verb would not fit the grammar, null when it
 * is no attribution (a noun, an object, a legal allegation).
 */
function judge(block: ProseBlock, at: number, end: number, form: Form): Verdict {
  const text = block.text;
  const sentences = sentencesOf(block);
  const sentence = sentences[sentenceIndexAt(sentences, at)];
  const sentenceEnd = sentence && sentence.end >= end ? sentence.end : text.length;
  const after = text.slice(end, Math.min(sentenceEnd + 1, end + 120));
  const before = text.slice(sentence ? sentence.start : 0, at);
  const previousWord = /([\p{L}]+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  // "denied claims that", "Phoenix's claim that", "30 mln dlrs in notes": the -s and base forms are nouns here.
  const nounLike = (form === 'third' || form === 'base') && (NOUN_CUE.has(previousWord) || /(?:['’]s?|\p{N})\s*$/u.test(before));
  if (nounLike) return null;
  const verb = text.slice(at, end);
  // "50 African states", "a promissory note that": "state" and "note" are nouns unless a plain subject says them before "that".
  if ((form === 'third' || form === 'base') && /^(?:states?|notes?)$/i.test(verb)) {
    const subject = /([\p{L}]+)\s*$/u.exec(before)?.[1] ?? '';
    if (!TAIL_THAT.test(after) || !/^\p{Ll}/u.test(subject) || !hasSubject(before)) return null;
  }
  // "prosecutors allege", "the lawsuit alleged that": the legal word is the right one.
  if (LEGAL_VERBS.test(verb) && LEGAL_CONTEXT.test(sentence ? text.slice(sentence.start, sentence.end) : text)) return null;
  if (TAIL_QUOTE.test(after)) return 'fix';
  if (TAIL_THAT.test(after)) return (form === 'base' || form === 'third') && !hasSubject(before) ? null : 'fix';
  // `," claimed the minister.` — the verb right after a quotation closes.
  if (/[,!?]["”]\s*$/u.test(before)) return 'fix';
  // Wire inversion after a comma: "…, claimed sole manager First Boston Corp."
  if (/,\s*$/.test(before) && /^\s+(?:[\p{Ll}-]+\s+){0,3}\p{Lu}[^;:"“”]{0,120}[.!?]?\s*$/u.test(after) && form !== 'base') return 'fix';
  if (TAIL_WH.test(after)) return null;
  if (TAIL_TO.test(after)) return /^(?:admit|confess)/i.test(verb) && hasSubject(before) ? 'report' : null;
  // "The company claimed it would …": reported speech without "that".
  if (reportsClause(after)) return hasSubject(before) || form === 'participle' && /,\s*$/.test(before) ? 'fix' : null;
  if (!TAIL_ENDS_CLAUSE.test(after) || form === 'base') return null;
  // `…, the minister claimed.` — a short subject after a comma or a closing quotation.
  // `," Roeller, chief executive of the bank, acknowledged.` — after a quotation the subject may hold commas.
  // A bracketed aside or acronym counts as no words: "…, the Fund (IMF) claimed." reads as "…, the IMF claimed.",
  // so the verdict does not change when acronym-consistency shortens the name.
  const plain = before.replace(/\s*\([^()]{0,80}\)/g, '');
  const clause = /[,!?]["”]\s*([^;:"“”()]{1,120})$/u.exec(plain) ?? /(?:,|[,!?]["”])\s*([^,;:"“”()]*)$/u.exec(plain);
  if (!clause) return null;
  const words = clause[1].replace(/,/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 14) return null;
  if (SUBORDINATE.test(words[0])) return null;
  // The subject must not itself hold a verb: "…, was first revealed." reads as a passive.
  return words.some((w) => /^(?:was|were|is|are|been|be|being)$/i.test(w)) ? null : 'fix';
}

/**
 * Whether the words before the verb end in a subject it can belong to: a name, a pronoun,
 * a noun phrase, an auxiliary ("has claimed") or an adverb ("also claimed"); not a
 * preposition or an article ("of claims", "the claim").
 */
function hasSubject(before: string): boolean {
  // An apposition or a ticker may stand between: "General Motors Corp <GM>, revealed it …".
  const trimmed = before.replace(/(?:\s*(?:<[^<>]{1,20}>|[,\uFFFC)\]]))+\s*$/u, '');
  const previous = /([\p{L}\p{N}'’.-]+)\s*$/u.exec(trimmed)?.[1] ?? '';
  if (previous === '') return false;
  // "said noted film maker …": after a verb the word is an adjective, not a second verb.
  if (/^(?:was|were|is|are|be|been|being|said|says|say|told|added)$/i.test(previous)) return false;
  return !NOT_SUBJECT.has(previous.toLowerCase());
}
