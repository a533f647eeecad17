import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { App } from '../../src/app';
import type { Dataset } from '../../src/loaders/load-dataset';
import { startSearchIndexing } from '../../src/state/search-indexing';
import { appStore } from '../../src/state/store';
import { structure, TAXONOMIES } from '../helpers';

export { controller } from './fake-controller';

export const initialState = appStore.getState();
startSearchIndexing(appStore);

export const STRUCTURES = [
  structure(),
  structure({
    id: 'fablab-test',
    nom: '<img src=x onerror=alert(1)> Fablab',
    type: 'fablab',
    themes: ['mer'],
    commune: 'Brest',
    codeInsee: '29019',
    departement: '29',
    region: '53',
    epciNom: 'Brest Métropole',
    coordinates: [-4.48, 48.39],
    siteWeb: 'https://fablab.example.org',
    source: 'https://source.example.org/a | CGET 2019 (ID 4)',
    dateVerification: '2019',
  }),
  structure({
    id: 'tl-ecole',
    nom: 'École des Makers',
    type: 'fablab',
    themes: ['industrie'],
    commune: 'Angers',
    codeInsee: '49007',
    departement: '49',
    region: '52',
    coordinates: [-0.55, 47.47],
    statut: 'ferme',
    dateVerification: '2099-01-01',
  }),
];

export const DATASET: Dataset = {
  structures: STRUCTURES,
  initiatives: [
    {
      id: 'covid-visieres',
      nom: 'Visières pour les soignants',
      structureIds: ['fablab-test'],
      categorie: 'sante',
      description: 'Impression 3D de visières.',
      commune: '',
      codeInsee: '',
      dateDebut: '2020-03-20',
      dateFin: '2020-06',
      siteWeb: '',
      source: 'https://press.example.org/visieres',
      dateVerification: '2020-04',
      departement: null,
      region: null,
      coordinates: null,
    },
  ],
  taxonomies: TAXONOMIES,
  territories: {
    regions: [
      { code: '52', nom: 'Pays de la Loire' },
      { code: '53', nom: 'Bretagne' },
    ],
    departements: [
      { code: '29', nom: 'Finistère' },
      { code: '44', nom: 'Loire-Atlantique' },
      { code: '49', nom: 'Maine-et-Loire' },
    ],
  },
  issues: [],
};

export function resetStore() {
  appStore.setState(initialState, true);
  vi.clearAllMocks();
}

export function renderApp(dataset: Dataset | null = DATASET) {
  if (dataset !== null) appStore.getState().datasetLoaded({ ok: true, value: dataset });
  const onRetry = vi.fn();
  return { ...render(<App onRetry={onRetry} />), onRetry };
}
