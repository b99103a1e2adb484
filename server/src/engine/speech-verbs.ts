// Speech verbs the engine and the rules share: the loaded verbs attribution-verb rewrites to
// "said", and the inflections derived from a past form. The name analysis reads them too, so
// "O'Brien claimed" and the fixed "O'Brien said" both show a person speaking and --fix settles.

export const LOADED_VERBS = [
  'claimed', 'stated', 'admitted', 'revealed', 'noted', 'insisted', 'confessed', 'conceded', 'explained',
  'declared', 'asserted', 'maintained', 'pointed out', 'alleged', 'affirmed', 'contended', 'proclaimed',
  'disclosed', 'acknowledged',
];

export type Form = 'past' | 'third' | 'participle' | 'base';

/** The stem of a regular past form: admitted -> admit, stated -> state, claimed -> claim. */
function stemOf(past: string): string {
  if (!past.endsWith('ed')) return past;
  // agreed -> agree, guaranteed -> guarantee.
  if (past.endsWith('eed')) return past.slice(0, -1);
  const bare = past.slice(0, -2);
  if (/([bdfglmnprst])\1$/.test(bare) && !/(ss|ll)$/.test(bare)) return bare.slice(0, -1);
  if (bare.endsWith('u')) return `${bare}e`;
  // A consonant after a single vowel (stat-ed, not-ed, conced-ed) had a silent e.
  if (/(^|[^aeiou])[aeiou][bcdgkmnprstvz]$/.test(bare) && !/[aeiou]{2}[a-z]$/.test(bare)) return `${bare}e`;
  return bare;
}

/** The forms of a verb from its regular past form: claimed -> claimed, claims, claiming, claim. */
export function inflections(past: string): [string, Form][] {
  const stem = stemOf(past);
  const third = /(s|sh|ch|x|z)$/.test(stem) ? `${stem}es` : `${stem}s`;
  const doubled = past.length - stem.length === 3 && !stem.endsWith('e') ? stem + stem[stem.length - 1] : stem;
  const participle = stem.endsWith('e') && !stem.endsWith('ee') ? `${stem.slice(0, -1)}ing` : `${doubled}ing`;
  return [[past, 'past'], [third, 'third'], [participle, 'participle'], [stem, 'base']];
}

/**
 * A regular-expression alternative for the loaded verbs as a subject's finite verb (past and
 * -s forms: "claimed", "claims", "pointed out"), for patterns such as "Smith claimed".
 */
export const LOADED_FINITE = LOADED_VERBS.flatMap((verb) => {
  const [head, ...particles] = verb.split(' ');
  const tail = particles.map((p) => String.raw`\s+${p}`).join('');
  return inflections(head)
    .filter(([, form]) => form === 'past' || form === 'third')
    .map(([word]) => word + tail);
}).join('|');
