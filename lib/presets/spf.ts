import { SpfAll } from './preset';

/** Terminators from strictest to most lenient. */
const LENIENCY: readonly SpfAll[] = ['-all', '~all', '?all'];

/** The terminators SPF records may end with here. */
export const SPF_TERMINATORS: readonly SpfAll[] = LENIENCY;

/**
 * The terminator of a merged SPF when nobody chose one: the most lenient any sender
 * documents, so merging never tightens a vendor's recommended policy behind the user's back.
 */
export function mostLenient(alls: readonly SpfAll[]): SpfAll {
  return alls.reduce<SpfAll>((worst, all) => (LENIENCY.indexOf(all) > LENIENCY.indexOf(worst) ? all : worst), '-all');
}

/** One SPF record text for the given includes (duplicates dropped, order kept). */
export function renderSpf(includes: readonly string[], all: SpfAll): string {
  const unique = [...new Set(includes.map((include) => include.toLowerCase()))];
  return ['v=spf1', ...unique.map((include) => `include:${include}`), all].join(' ');
}
