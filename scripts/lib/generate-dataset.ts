import type { Gazetteer } from '../../src/domain/commune';
import type { Structure, Taxonomies } from '../../src/domain/types';

/** A small deterministic PRNG (mulberry32): the same seed always gives the same dataset. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Lab',
  'Fabrique',
  'Atelier',
  'Hub',
  'Campus',
  'Village',
  'Cowork',
  'Espace',
  'Pôle',
  'Maison',
  'Incubateur',
  'Pépinière',
  'Tech',
  'Innov',
  'Numérique',
  'Agri',
  'Mer',
  'Santé',
  'Énergie',
  'Mobilité',
];

/**
 * Builds `count` fake structures for benchmarks only (never published): real taxonomy codes and real communes
 * (with their department, region and centre), everything else drawn from a seeded generator.
 */
export function generateStructures(
  count: number,
  taxonomies: Taxonomies,
  gazetteer: Gazetteer,
  seed = 42,
): Structure[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const communes = [...gazetteer.byCode.values()].filter(
    (record) => record.kind === 'commune' && record.centre !== null,
  );
  const types = taxonomies.types.map((entry) => entry.code);
  const themes = taxonomies.themes.map((entry) => entry.code);
  const networks = taxonomies.networks.map((entry) => entry.code);
  return Array.from({ length: count }, (_, index) => {
    const commune = pick(communes);
    const [lng, lat] = commune.centre ?? [2, 46];
    const themeCount = 1 + Math.floor(random() * 3);
    return {
      id: `bench-${String(index).padStart(6, '0')}`,
      nom: `${pick(WORDS)} ${pick(WORDS)} ${commune.nom}`,
      type: pick(types) as Structure['type'],
      themes: [...new Set(Array.from({ length: themeCount }, () => pick(themes)))],
      description: `Structure générée pour les mesures de performance, à ${commune.nom}.`,
      adresse: '',
      codePostal: commune.codesPostaux[0] ?? '',
      commune: commune.nom,
      codeInsee: commune.code,
      departement: commune.departement,
      region: commune.region,
      epci: commune.epci,
      siteWeb: '',
      reseaux: random() < 0.3 ? [pick(networks)] : [],
      siret: '',
      statut: pick(['actif', 'actif', 'inconnu', 'inconnu', 'ferme'] as const),
      source: 'https://example.org/benchmark',
      dateVerification: '2024',
      successeur: '',
      coordinates: [lng + (random() - 0.5) * 0.02, lat + (random() - 0.5) * 0.02],
      precision: 'commune',
    };
  });
}
