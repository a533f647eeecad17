import type { CommuneRecord, Gazetteer } from './commune';

/**
 * The ordinary postcodes of every commune, indexed once per gazetteer. A commune's postcodes include those of
 * its municipal arrondissements (Paris, Lyon, Marseille) and of the former communes it absorbed (a delegated
 * commune often keeps its own postcode). `all` holds every ordinary postcode of the gazetteer: a postcode outside
 * it is a Cedex or special code (a company's or an administration's), which the gazetteer does not list.
 */
export type PostcodeIndex = {
  readonly byCode: ReadonlyMap<string, readonly string[]>;
  readonly all: ReadonlySet<string>;
};

function currentCode(gazetteer: Gazetteer, record: CommuneRecord): string {
  let result = record;
  for (let hops = 0; result.kind === 'ancienne' && result.parent !== null && hops < 5; hops += 1) {
    const parent = gazetteer.byCode.get(result.parent);
    if (parent === undefined) break;
    result = parent;
  }
  return result.code;
}

export function indexPostcodes(gazetteer: Gazetteer): PostcodeIndex {
  const byCode = new Map<string, Set<string>>();
  const all = new Set<string>();
  const add = (code: string, postcodes: readonly string[]) => {
    const set = byCode.get(code) ?? new Set<string>();
    for (const postcode of postcodes) {
      set.add(postcode);
      all.add(postcode);
    }
    byCode.set(code, set);
  };
  for (const records of gazetteer.byName.values()) {
    for (const record of records) {
      add(record.code, record.codesPostaux);
      if (record.kind === 'ancienne') add(currentCode(gazetteer, record), record.codesPostaux);
      if (record.kind === 'arrondissement' && record.parent !== null) add(record.parent, record.codesPostaux);
    }
  }
  return {
    byCode: new Map([...byCode.entries()].map(([code, set]) => [code, [...set].sort()])),
    all,
  };
}

/** The departments a postcode's prefix designates (Corsica's `20` is either 2A or 2B; overseas use 3 digits). */
export function departementsOfPostcode(codePostal: string): string[] {
  if (codePostal.startsWith('97') || codePostal.startsWith('98')) return [codePostal.slice(0, 3)];
  if (codePostal.startsWith('20')) return ['2A', '2B'];
  return [codePostal.slice(0, 2)];
}

/**
 * Checks a row's postcode against its resolved commune (`codeInsee` as the pipeline resolved it: a current
 * commune or an arrondissement). Returns null when it fits, else the message for the curator. A postcode that is
 * one of the commune's ordinary postcodes fits. A postcode that no commune has (a Cedex or special code) fits when
 * its department is the commune's. Any other postcode (another commune's) does not fit.
 */
export function postcodeMismatch(
  gazetteer: Gazetteer,
  index: PostcodeIndex,
  codePostal: string,
  codeInsee: string,
): string | null {
  if (codePostal === '') return null;
  const record = gazetteer.byCode.get(codeInsee);
  if (record === undefined) return null;
  const own = index.byCode.get(codeInsee) ?? [];
  if (own.includes(codePostal)) return null;
  const isCedex = !index.all.has(codePostal);
  if (isCedex && departementsOfPostcode(codePostal).includes(record.departement)) return null;
  const listed = own.length === 0 ? 'none in the gazetteer' : own.join(' ');
  const cedexNote = isCedex
    ? ` (${codePostal} is no commune's postcode: a Cedex code must be in the commune's department, ${record.departement})`
    : '';
  return `${codePostal} is not a postcode of ${record.nom} (${record.code}); its postcodes: ${listed}${cedexNote}`;
}
