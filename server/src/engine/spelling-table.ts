// The American -> British spelling table of engine/spelling.ts, built from the packages
// `american-british-english-translator` and `dictionary-en-gb` (the bundled server gets it precomputed).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import variants from 'american-british-english-translator/data/american_spellings.json' with { type: 'json' };

/**
 * Lower-case American form -> lower-case British form, leaving out forms the British
 * dictionary accepts unless senseChecked(word) says a sense test decides them.
 * scripts/bundle.mjs replaces this module by the table it returns, so keep it a pure function of the two packages.
 */
export function variantTable(senseChecked: (word: string) => boolean): Map<string, string> {
  const british = loadBritishDictionary();
  const table = new Map<string, string>();
  for (const [american, britishForm] of Object.entries(variants as Record<string, string>)) {
    const word = american.toLowerCase();
    if (word.includes(' ') || word === britishForm.toLowerCase()) continue;
    if (!senseChecked(word) && british.accepts(word)) continue;
    table.set(word, britishForm.toLowerCase());
  }
  return table;
}

interface Hunspell {
  accepts(word: string): boolean;
}

/** Reads the en-GB Hunspell files: stems with flags, and the suffix rules the flags name. */
function loadBritishDictionary(): Hunspell {
  const dir = dictionaryDir();
  const dic = fs.readFileSync(path.join(dir, 'index.dic'), 'utf8');
  const aff = fs.readFileSync(path.join(dir, 'index.aff'), 'utf8');
  const stems = new Map<string, string>();
  for (const line of dic.split('\n').slice(1)) {
    const slash = line.indexOf('/');
    const stem = (slash < 0 ? line : line.slice(0, slash)).trim();
    if (stem) stems.set(stem, slash < 0 ? '' : line.slice(slash + 1).trim());
  }
  type Suffix = { flag: string; strip: string; add: string; condition: RegExp };
  const suffixes: Suffix[] = [];
  for (const line of aff.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'SFX' || f.length < 5 || /^[YN]$/.test(f[2])) continue;
    const add = f[3] === '0' ? '' : f[3].split('/')[0];
    suffixes.push({ flag: f[1], strip: f[2] === '0' ? '' : f[2], add, condition: new RegExp(`${f[4] === '.' ? '' : f[4]}$`) });
  }
  return {
    accepts(word) {
      if (stems.has(word)) return true;
      return suffixes.some((s) => {
        if (!word.endsWith(s.add)) return false;
        const stem = word.slice(0, word.length - s.add.length) + s.strip;
        return (stems.get(stem)?.includes(s.flag) ?? false) && s.condition.test(stem);
      });
    },
  };
}

/** The dictionary's folder: the installed package. */
function dictionaryDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('dictionary-en-gb'));
}
