import { distanceKm } from './geo';
import { normalizeText } from './text';
import type { LngLat } from './types';

/** What the detector needs to know of a structure: its name, website, street, commune and point. */
export type DuplicateCandidate = {
  readonly id: string;
  readonly nom: string;
  readonly siteWeb: string;
  readonly adresse: string;
  readonly commune: string;
  readonly codeInsee: string;
  readonly coordinates: LngLat;
  /**
   * The dataset the row comes from (`curated`, `cget-2019`, `fablabs-io-2017`…). One dataset is a snapshot: two of
   * its rows at two different street addresses are two sites (a chain's branches), not one structure listed twice.
   */
  readonly origin: string;
};

/** Why two rows are suspected to be one structure. */
export type DuplicateReason =
  | { readonly kind: 'site'; readonly site: string }
  | { readonly kind: 'adresse'; readonly adresse: string }
  | { readonly kind: 'nom'; readonly similarity: number; readonly rareWord?: string };

/** Two rows that may describe the same structure; `idA` sorts before `idB`. */
export type SuspectedPair = {
  readonly idA: string;
  readonly idB: string;
  readonly distanceKm: number;
  readonly reasons: readonly DuplicateReason[];
};

/**
 * Two rows with the same website are suspected only when their points are at most this far apart (or in the same
 * commune): a chain's sites in other towns share its website without being the same place. 10 km covers a
 * structure placed at its commune centre in one source and at its street in the other.
 */
export const SITE_MAX_KM = 10;

/** Two rows with similar names are suspected only within this distance: homonyms in other towns are not. */
export const NAME_MAX_KM = 5;

/** Used to skip, inside a block sorted by latitude, rows that are already too far north to be near. */
const KM_PER_DEGREE_OF_LATITUDE = 111;

/** Token Jaccard index from which two names count as similar ("MDesign" / "Eco FabLab MDesign" is 0.5). */
export const NAME_MIN_SIMILARITY = 0.5;

/**
 * A distinctive name word of at least this many letters that only two rows of the whole dataset use is enough
 * ("Erasme – laboratoire d'innovation ouverte de la Métropole de Lyon" / "urbanLAB ERASME"), within `NAME_MAX_KM`.
 */
export const RARE_WORD_MIN_LENGTH = 5;

/**
 * Hosts shared by unrelated structures: social networks, site builders and blog platforms, listing platforms,
 * and the portals of the authorities and chambers that host pages for several places. A shared host says nothing
 * about two rows being the same structure, so the website rule ignores it. Subdomains of a builder
 * (`monlab.wixsite.com`) are a site of their own and stay usable.
 */
export const SHARED_HOSTS: ReadonlySet<string> = new Set([
  'facebook.com',
  'fr-fr.facebook.com',
  'm.facebook.com',
  'instagram.com',
  'linkedin.com',
  'fr.linkedin.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'vimeo.com',
  'meetup.com',
  'helloasso.com',
  'google.com',
  'sites.google.com',
  'goo.gl',
  'wixsite.com',
  'wordpress.com',
  'over-blog.com',
  'blogspot.com',
  'jimdo.com',
  'e-monsite.com',
  'free.fr',
  'fr.wikipedia.org',
  'fablabs.io',
  'makery.info',
  'francetierslieux.fr',
  'coworking-france.com',
  'lot.fr',
  'solozere.com',
  'paris.fr',
  'lyon.fr',
  'bordeaux.fr',
  'toulouse.fr',
  'marseille.fr',
  'nantes.fr',
  'strasbourg.eu',
  'montpellier3m.fr',
  'metropole.nantes.fr',
  'iledefrance.fr',
  'laregion.fr',
  'maregionsud.fr',
  'auvergnerhonealpes.fr',
  'nouvelle-aquitaine.fr',
  'hautsdefrance.fr',
  'bretagne.bzh',
  'grandest.fr',
  'bourgognefranchecomte.fr',
  'paysdelaloire.fr',
  'normandie.fr',
  'centre-valdeloire.fr',
  'cci.fr',
  'bpifrance.fr',
  'lafrenchtech.com',
]);

/** Path segments that say nothing about which page a site serves ("/fr/", "/index.php", "#!"). */
const NEUTRAL_PATH_SEGMENTS = new Set([
  '',
  'fr',
  'en',
  'index.php',
  'index.html',
  'index.htm',
  'accueil',
  'home',
]);

/**
 * A website as host plus its path, lowercase, without `www.`, language prefixes, index pages, query or fragment:
 * `https://www.Example.org/fr/fablab/` → `example.org/fablab`. Empty for no URL or a shared host.
 */
export function siteKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return '';
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (host === '' || SHARED_HOSTS.has(host)) return '';
  const segments = parsed.pathname
    .split('/')
    .map((segment) => segment.toLowerCase())
    .filter((segment) => !NEUTRAL_PATH_SEGMENTS.has(segment));
  return [host, ...segments].join('/');
}

/**
 * Whether two site keys name the same site: same host, and the path of one is the start of the other's
 * (`labfab.fr` and `labfab.fr/utice`; not `be-coworking.fr/espace/jonquiere` and `be-coworking.fr/espace/epinettes`).
 */
export function isSameSite(left: string, right: string): boolean {
  if (left === '' || right === '') return false;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return longer === shorter || longer.startsWith(`${shorter}/`);
}

const STREET_WORDS: Readonly<Record<string, string>> = {
  r: 'rue',
  av: 'avenue',
  ave: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  blvd: 'boulevard',
  boul: 'boulevard',
  pl: 'place',
  imp: 'impasse',
  all: 'allee',
  rte: 'route',
  chem: 'chemin',
  ch: 'chemin',
  sq: 'square',
  qu: 'quai',
  crs: 'cours',
  fg: 'faubourg',
  fbg: 'faubourg',
  st: 'saint',
  ste: 'sainte',
  pr: 'professeur',
  gal: 'general',
  gen: 'general',
  mal: 'marechal',
};

/** Street types and articles: "280 rue James Watt" and "280 James Watt" name the same door. */
const STREET_FILLERS = new Set([
  'rue',
  'avenue',
  'boulevard',
  'place',
  'impasse',
  'allee',
  'route',
  'chemin',
  'square',
  'quai',
  'cours',
  'faubourg',
  'esplanade',
  'passage',
  'bis',
  'ter',
  'le',
  'la',
  'les',
  'l',
  'de',
  'du',
  'des',
  'd',
]);

/**
 * A street address reduced to its number and street words, comparable across sources: the first part that holds
 * a number and a word ("Bâtiment B, 12 bd de la Paix" → "12 paix"), a range of numbers read as its first
 * ("181 - 183 rue X" → "181 x"), accents, case, punctuation, abbreviations, street types and articles folded,
 * words sorted. Empty when no part has both a number and a word, as "Zone d'activités" or
 * "Centre-ville" name an area, not a door.
 */
export function addressKey(adresse: string): string {
  const parts = adresse.replace(/(\d+)\s*-\s*\d+/g, '$1').split(/,|;| - /);
  for (const part of parts) {
    const key = doorKey(part);
    if (key !== '') return key;
  }
  return '';
}

function doorKey(text: string): string {
  const tokens = normalizeText(text)
    .split(' ')
    .map((token) => STREET_WORDS[token] ?? token)
    .filter((token) => !STREET_FILLERS.has(token));
  const numbers = tokens.flatMap((token) => /^(\d+)(?:bis|ter|[a-z])?$/.exec(token)?.[1] ?? []);
  const words = tokens.filter((token) => /^[a-z][a-z0-9]+$/.test(token)).sort();
  return numbers.length > 0 && words.length > 0 ? [numbers[0], ...new Set(words)].join(' ') : '';
}

/**
 * Whether two address keys name the same door: same number, and the street words of one are all in the other
 * ("4 rue Jacquot" and "4 rue Jacquot L'Étang"). False when either is empty.
 */
export function isSameAddress(left: string, right: string): boolean {
  if (left === '' || right === '') return false;
  const [leftNumber, ...leftWords] = left.split(' ');
  const [rightNumber, ...rightWords] = right.split(' ');
  if (leftNumber !== rightNumber) return false;
  const [fewer, more] =
    leftWords.length <= rightWords.length ? [leftWords, rightWords] : [rightWords, leftWords];
  return fewer.every((word) => more.includes(word));
}

/**
 * Words that say what kind of place a name designates, not which one: articles and prepositions, the generic
 * words of the field (fablab, tiers-lieu, coworking, pépinière, incubateur…) and of geography (nord, région,
 * Méditerranée…). Two names that share only these do not designate the same place.
 */
export const NAME_STOP_WORDS: ReadonlySet<string> = new Set([
  'le',
  'la',
  'les',
  'l',
  'de',
  'du',
  'des',
  'd',
  'et',
  'en',
  'a',
  'au',
  'aux',
  'sur',
  'pour',
  'par',
  'un',
  'une',
  'the',
  'of',
  'and',
  'fablab',
  'fablabs',
  'fab',
  'lab',
  'labs',
  'labfab',
  'tiers',
  'lieu',
  'lieux',
  'tierslieu',
  'coworking',
  'coworkings',
  'cowork',
  'espace',
  'espaces',
  'maison',
  'atelier',
  'ateliers',
  'association',
  'asso',
  'centre',
  'center',
  'hub',
  'pole',
  'pepiniere',
  'pepinieres',
  'incubateur',
  'accelerateur',
  'hotel',
  'entreprise',
  'entreprises',
  'technopole',
  'numerique',
  'innovation',
  'makerspace',
  'hackerspace',
  'living',
  'campus',
  'club',
  'space',
  'france',
  'ville',
  'communaute',
  'communes',
  'agglomeration',
  'pays',
  'saint',
  'sainte',
  'nord',
  'sud',
  'est',
  'ouest',
  'region',
  'regional',
  'regionale',
  'metropole',
  'lorraine',
  'alsace',
  'bretagne',
  'normandie',
  'provence',
  'occitanie',
  'aquitaine',
  'mediterranee',
  'atlantique',
  'reunion',
]);

/**
 * The distinctive words of a name: normalised (accents, case, punctuation), without stop words, without words of
 * one or two letters (numbers stay), without the words of the structure's own commune name ("Fablab de Lannion" →
 * nothing left), a final plural `s` dropped.
 */
export function nameTokens(nom: string, commune: string): string[] {
  const communeWords = new Set(normalizeText(commune).split(' '));
  const tokens = normalizeText(nom)
    .split(' ')
    .filter(
      (token) =>
        (/^\d+$/.test(token) || token.length > 2) && !NAME_STOP_WORDS.has(token) && !communeWords.has(token),
    )
    .map((token) => (token.length > 3 && token.endsWith('s') ? token.slice(0, -1) : token));
  return [...new Set(tokens)];
}

/** Two name words match when equal, or when one starts with the other of at least 4 letters ("labo" / "laboratoire"). */
function isSameWord(left: string, right: string): boolean {
  if (left === right) return true;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.length >= 4 && /^[a-z]/.test(shorter) && longer.startsWith(shorter);
}

/**
 * How alike two names are, from their distinctive words (see `isSameWord`): the token Jaccard index (shared words
 * over all words), or 1 when every word of the shorter name is in the longer one ("TEMIS" / "TEMIS Technopole
 * microtechnique et scientifique"). 0 when either side has no distinctive word.
 */
export function nameSimilarity(left: readonly string[], right: readonly string[]): number {
  if (left.length === 0 || right.length === 0) return 0;
  const shared = left.filter((token) => right.some((other) => isSameWord(token, other))).length;
  if (shared >= Math.min(left.length, right.length)) return 1;
  return shared / (left.length + right.length - shared);
}

/**
 * The commune a code belongs to, for comparing places: the arrondissements of Paris (751xx), Lyon (6938x) and
 * Marseille (132xx) count as their city, since sources give either code for the same street.
 */
export function communeKey(codeInsee: string): string {
  if (/^751\d\d$/.test(codeInsee)) return '75056';
  if (/^6938\d$/.test(codeInsee)) return '69123';
  if (/^132\d\d$/.test(codeInsee)) return '13055';
  return codeInsee;
}

/** Groups item indices by key, skipping empty keys. */
function groupBy(keys: readonly (readonly string[])[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((list, index) => {
    for (const key of list) {
      if (key === '') continue;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [index]);
      else group.push(index);
    }
  });
  return groups;
}

/**
 * Finds pairs of rows that may describe the same structure, across all sources, each with its reasons:
 * - `site`: the same website (host, and one path within the other: see `siteKey`, `isSameSite`; shared hosts
 *   ignored) within `SITE_MAX_KM` or in the same commune (see `communeKey`);
 * - `adresse`: the same street door (see `addressKey`, `isSameAddress`) in the same commune;
 * - `nom`: names whose distinctive words (see `nameTokens`, `nameSimilarity`) have a Jaccard index of at least
 *   `NAME_MIN_SIMILARITY`, or share a word no other row uses (`RARE_WORD_MIN_LENGTH`), within `NAME_MAX_KM`.
 * A website or name match is dropped when both rows come from the same dataset and give two different street
 * addresses: a snapshot listing one brand at two doors lists two sites (Start-way Cachan, Start-way Montrouge).
 * Rows are only compared inside blocks (same host, same commune and door number, a shared name word swept by
 * latitude), never all against all, so 2,000 rows take tens of milliseconds. Pairs are sorted by ids: same input,
 * same output.
 */
export function findSuspectedDuplicates(candidates: readonly DuplicateCandidate[]): SuspectedPair[] {
  const found = new Map<
    string,
    { idA: string; idB: string; distanceKm: number; reasons: DuplicateReason[] }
  >();
  // The blocks below only hold indices of `candidates`, so every array indexed by them has an entry there.
  const at = (index: number) => candidates[index] as DuplicateCandidate;
  /** Each rule visits a pair at most once (one host and one door per row, `compared` for names). */
  const add = (leftIndex: number, rightIndex: number, reason: DuplicateReason, distance: number) => {
    const left = at(leftIndex).id;
    const right = at(rightIndex).id;
    if (left === right) return;
    const [idA, idB] = left < right ? [left, right] : [right, left];
    const key = `${idA}\u0000${idB}`;
    const existing = found.get(key);
    if (existing === undefined) found.set(key, { idA, idB, distanceKm: distance, reasons: [reason] });
    else existing.reasons.push(reason);
  };
  const distanceOf = (left: number, right: number) => distanceKm(at(left).coordinates, at(right).coordinates);
  const eachPair = (indices: readonly number[], visit: (left: number, right: number) => void) => {
    for (let first = 0; first < indices.length; first += 1)
      for (let second = first + 1; second < indices.length; second += 1)
        visit(indices[first] as number, indices[second] as number);
  };

  const addresses = candidates.map((candidate) => addressKey(candidate.adresse));
  const isTwoSitesOfOneDataset = (left: number, right: number) => {
    const leftAddress = addresses[left] as string;
    const rightAddress = addresses[right] as string;
    return (
      at(left).origin === at(right).origin &&
      leftAddress !== '' &&
      rightAddress !== '' &&
      !isSameAddress(leftAddress, rightAddress)
    );
  };

  const sites = candidates.map((candidate) => siteKey(candidate.siteWeb));
  const byHost = groupBy(sites.map((site) => [site.split('/')[0] as string]));
  for (const indices of byHost.values()) {
    eachPair(indices, (left, right) => {
      const leftSite = sites[left] as string;
      const rightSite = sites[right] as string;
      if (!isSameSite(leftSite, rightSite) || isTwoSitesOfOneDataset(left, right)) return;
      const distance = distanceOf(left, right);
      const sameCommune = communeKey(at(left).codeInsee) === communeKey(at(right).codeInsee);
      if (sameCommune || distance <= SITE_MAX_KM)
        add(
          left,
          right,
          { kind: 'site', site: leftSite.length <= rightSite.length ? leftSite : rightSite },
          distance,
        );
    });
  }

  const byDoorNumber = groupBy(
    candidates.map((candidate, index) => {
      const address = addresses[index] as string;
      return address === '' ? [] : [`${communeKey(candidate.codeInsee)} ${address.split(' ')[0]}`];
    }),
  );
  for (const indices of byDoorNumber.values()) {
    eachPair(indices, (left, right) => {
      const leftAddress = addresses[left] as string;
      const rightAddress = addresses[right] as string;
      if (!isSameAddress(leftAddress, rightAddress)) return;
      const shorter = leftAddress.length <= rightAddress.length ? leftAddress : rightAddress;
      add(left, right, { kind: 'adresse', adresse: shorter }, distanceOf(left, right));
    });
  }

  const tokens = candidates.map((candidate) => nameTokens(candidate.nom, candidate.commune));
  const byToken = groupBy(tokens);
  const compared = new Set<string>();
  const latitudeWindow = NAME_MAX_KM / KM_PER_DEGREE_OF_LATITUDE;
  for (const [token, indices] of [...byToken].sort(([left], [right]) => (left < right ? -1 : 1))) {
    const rareWord = indices.length === 2 && token.length >= RARE_WORD_MIN_LENGTH ? token : undefined;
    const byLatitude = [...indices].sort((left, right) => at(left).coordinates[1] - at(right).coordinates[1]);
    for (let first = 0; first < byLatitude.length; first += 1) {
      const left = byLatitude[first] as number;
      const latitude = at(left).coordinates[1];
      for (let second = first + 1; second < byLatitude.length; second += 1) {
        const right = byLatitude[second] as number;
        if (at(right).coordinates[1] - latitude > latitudeWindow) break;
        const key = left < right ? `${left}:${right}` : `${right}:${left}`;
        const similarity = nameSimilarity(tokens[left] as string[], tokens[right] as string[]);
        if (similarity < NAME_MIN_SIMILARITY && rareWord === undefined) continue;
        if (compared.has(key) || isTwoSitesOfOneDataset(left, right)) continue;
        compared.add(key);
        const distance = distanceOf(left, right);
        if (distance > NAME_MAX_KM) continue;
        const rounded = Math.round(similarity * 100) / 100;
        add(
          left,
          right,
          similarity >= NAME_MIN_SIMILARITY || rareWord === undefined
            ? { kind: 'nom', similarity: rounded }
            : { kind: 'nom', similarity: rounded, rareWord },
          distance,
        );
      }
    }
  }

  return [...found.values()]
    .map((pair) => ({ ...pair, distanceKm: Math.round(pair.distanceKm * 10) / 10 }))
    .sort((left, right) =>
      left.idA === right.idA ? (left.idB < right.idB ? -1 : 1) : left.idA < right.idA ? -1 : 1,
    );
}
