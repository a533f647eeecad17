import { act, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appStore } from '../../src/state/store';
import { StatusBanner } from '../../src/views/layout/status-banner';
import { DATASET, resetStore } from './render-app';

vi.mock('../../src/map/map-controller', async () => {
  const { controller: fake } = await import('./fake-controller');
  return {
    MapController: vi.fn(function MapController() {
      return fake;
    }),
  };
});

beforeEach(resetStore);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('StatusBanner', () => {
  it('says in plain words which auxiliary file failed and how, with the raw message folded away', () => {
    appStore.getState().datasetLoaded({
      ok: true,
      value: {
        ...DATASET,
        issues: [{ line: 3, field: 'siteWeb', message: 'link ignored' }],
        fileProblems: [
          { file: 'initiatives.json', kind: 'unreadable', detail: 'Unexpected end of JSON input' },
          { file: 'taxonomies.json', kind: 'version', detail: 'taxonomies.json: datasetVersion 1' },
        ],
      },
    });
    render(<StatusBanner onRetry={() => {}} />);
    expect(screen.getByText('Les initiatives Covid-19 n’ont pas pu être chargées.')).toBeInTheDocument();
    expect(screen.getByText('Unexpected end of JSON input').closest('details')).not.toBeNull();
    expect(screen.getByText(/Le fichier taxonomies.json n’est pas de la même version/)).toBeInTheDocument();
    expect(screen.getByText('1 élément(s) ou lien(s) ignoré(s) car mal formé(s).')).toBeInTheDocument();
    act(() => appStore.getState().setLanguage('en'));
    expect(screen.getByText('The Covid-19 initiatives could not be loaded.')).toBeInTheDocument();
    expect(screen.getAllByText('Technical details', { selector: 'summary' })).toHaveLength(2);
  });
});
