import { readFileSync } from 'node:fs';
import type { CodeSets } from '../src/domain/structure-row';
import type { Structure, Taxonomies } from '../src/domain/types';

/** The project's real taxonomy codes, read from data/*.csv (they are part of the contract). */
export function realCodeSets(): CodeSets {
  const codes = (file: string) =>
    new Set(
      readFileSync(`data/${file}`, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0] ?? ''),
    );
  return { types: codes('types.csv'), themes: codes('themes.csv'), networks: codes('networks.csv') };
}

/** A structure row as text columns, valid unless a test overrides a field. */
export function structureRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    id: 'pole-emc2',
    nom: 'EMC2',
    type: 'pole-competitivite',
    themes: 'industrie',
    description: 'Pôle des technologies avancées de production.',
    adresse: '',
    code_postal: '',
    commune: 'Nantes',
    code_insee: '44109',
    latitude: '',
    longitude: '',
    site_web: 'https://www.emc2-cluster.com',
    reseaux: '',
    siret: '',
    statut: 'actif',
    source: 'https://example.org/poles-phase-v',
    date_verification: '2023-03-01',
    ...overrides,
  };
}

export const TAXONOMIES: Taxonomies = {
  types: [
    {
      code: 'pole-competitivite',
      labelFr: 'Pôle de compétitivité',
      labelEn: 'Competitiveness cluster',
      descriptionFr: '',
      color: '#17becf',
    },
    { code: 'fablab', labelFr: 'Fablab', labelEn: 'Fab lab', descriptionFr: '', color: '#ff7f0e' },
  ],
  themes: [
    { code: 'industrie', labelFr: 'Industrie', labelEn: 'Industry', descriptionFr: '' },
    { code: 'mer', labelFr: 'Mer et littoral', labelEn: 'Sea and coast', descriptionFr: '' },
  ],
  networks: [{ code: 'french-tech', labelFr: 'French Tech', labelEn: 'French Tech', descriptionFr: '' }],
  initiativeCategories: [
    { code: 'sante', labelFr: 'Santé et soins', labelEn: 'Health and care', descriptionFr: '' },
  ],
};

/** A published structure for state and view tests. */
export function structure(
  overrides: Partial<Structure & { epciNom: string | null }> = {},
): Structure & { epciNom: string | null } {
  return {
    id: 'pole-emc2',
    nom: 'EMC2',
    type: 'pole-competitivite',
    themes: ['industrie'],
    description: 'Pôle des technologies avancées de production.',
    adresse: '',
    codePostal: '',
    commune: 'Nantes',
    codeInsee: '44109',
    departement: '44',
    region: '52',
    epci: '244400404',
    epciNom: 'Nantes Métropole',
    siteWeb: 'https://www.emc2-cluster.com',
    reseaux: [],
    siret: '',
    statut: 'actif',
    source: 'https://example.org/poles-phase-v',
    dateVerification: '2023-03-01',
    successeur: '',
    coordinates: [-1.55, 47.22],
    precision: 'commune',
    ...overrides,
  };
}
