// Region names a dateline may carry after its city: US states in full and in wire (AP)
// form (us-states-normalize, MIT), countries and their common aliases (countries-list,
// MIT), Canadian provinces and Australian states (provinces, MIT). Upper-cased for lookup.

import usStates from 'us-states-normalize/jsons/states.json' with { type: 'json' };
import usTerritories from 'us-states-normalize/jsons/territories.json' with { type: 'json' };
import { countries } from 'countries-list';
import provinces from 'provinces/provinces.json' with { type: 'json' };

interface StateEntry {
  name: string;
  AP?: string;
  other?: string[];
}

/** Countries whose provinces or states stand in English-language datelines (scripts/bundle.mjs ships only theirs). */
export const PROVINCE_COUNTRIES: ReadonlySet<string> = new Set(['CA', 'AU']);

let regionSet: ReadonlySet<string> | undefined;

/** Every region name, upper-cased, dotted forms kept ("N.Y.", "CALIF.", "BRITISH COLUMBIA"). */
export function regionNames(): ReadonlySet<string> {
  if (regionSet) return regionSet;
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    // Two-letter postal codes (CA, IN, OK) are words too often to read as regions.
    if (name && name.replace(/[.\s]/g, '').length > 2 || name && /\./.test(name)) names.add(name.toUpperCase());
    // The wire drops the abbreviation's full stop at times: "LONG BEACH, Calif, March 18".
    if (name && /^\p{L}{4,}\.$/u.test(name)) names.add(name.slice(0, -1).toUpperCase());
  };
  for (const entry of [...Object.values(usStates as Record<string, StateEntry>), ...Object.values(usTerritories as Record<string, StateEntry>)]) {
    add(entry.name);
    add(entry.AP);
    for (const other of entry.other ?? []) if (/^[\p{L}. ]+$/u.test(other)) add(other);
  }
  for (const country of Object.values(countries) as { name: string; alias?: string[] }[]) {
    add(country.name);
    for (const alias of country.alias ?? []) add(alias);
  }
  for (const p of provinces as { name: string; country: string }[]) if (PROVINCE_COUNTRIES.has(p.country)) add(p.name);
  regionSet = names;
  return names;
}
