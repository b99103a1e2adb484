// fast-check settings shared by the property tests: a fixed seed by default, so `npm test`
// and CI check the same cases on every run and any failure reproduces. To look for new
// failures, set COPYDESK_PROPERTY_SEED to another integer, or to `random` for a fresh seed
// per property (fast-check prints the seed of a failure; rerun with it), and multiply the
// cases with COPYDESK_PROPERTY_SCALE (`10` runs ten times as many).

const DEFAULT_SEED = 20261202;

/** The seed every property runs at; undefined (fast-check picks one) for `random`. */
export function propertySeed(): number | undefined {
  const value = process.env.COPYDESK_PROPERTY_SEED;
  if (value === undefined || value === '') return DEFAULT_SEED;
  if (value === 'random') return undefined;
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new Error(`COPYDESK_PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(value)}`);
  return seed;
}

function scale(): number {
  const value = process.env.COPYDESK_PROPERTY_SCALE;
  if (value === undefined || value === '') return 1;
  const factor = Number(value);
  if (!(factor > 0)) throw new Error(`COPYDESK_PROPERTY_SCALE must be a positive number, not ${JSON.stringify(value)}`);
  return factor;
}

/** `{ numRuns, seed }` for fc.assert: `numRuns` cases (times the scale) at the shared seed. */
export function propertyRuns(numRuns: number): { numRuns: number; seed: number | undefined } {
  return { numRuns: Math.max(1, Math.round(numRuns * scale())), seed: propertySeed() };
}
