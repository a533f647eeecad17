import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app';
import { appStore } from '../../src/state/store';
import { structure, TAXONOMIES } from '../helpers';

const controller = vi.hoisted(() => ({
  setStructures: vi.fn(),
  setTypeColors: vi.fn(),
  setSelectedId: vi.fn(),
  flyTo: vi.fn(),
  fitBounds: vi.fn(),
  destroy: vi.fn(),
  countRenderedStructures: vi.fn(() => 0),
  project: vi.fn(() => ({ x: 0, y: 0 })),
}));
vi.mock('../../src/map/map-controller', () => ({
  MapController: vi.fn(function MapController() {
    return controller;
  }),
}));

const structures = [
  structure(),
  structure({
    id: 'fablab-test',
    nom: '<img src=x onerror=alert(1)> Fablab',
    type: 'fablab',
    themes: ['mer'],
    commune: 'Brest',
    coordinates: [-4.48, 48.39],
    siteWeb: 'https://fablab.example.org',
    source: 'https://source.example.org/a | CGET 2019 (ID 4)',
    dateVerification: '2019',
  }),
];

function loadDataset() {
  appStore.getState().datasetLoaded({
    ok: true,
    value: {
      structures,
      taxonomies: TAXONOMIES,
      territories: {
        regions: [{ code: '52', nom: 'Pays de la Loire' }],
        departements: [{ code: '44', nom: 'Loire-Atlantique' }],
      },
      issues: [],
    },
  });
}

const initialState = appStore.getState();
beforeEach(() => {
  appStore.setState(initialState, true);
  vi.clearAllMocks();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('App', () => {
  it('lists every structure, with a legend of types and counts', () => {
    loadDataset();
    render(<App onRetry={() => {}} />);
    const list = screen.getByRole('region', { name: /Structures/ });
    expect(within(list).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByText('2 structures')).toBeInTheDocument();
    const legend = screen.getByRole('region', { name: 'Types de structures' });
    expect(within(legend).getByText('Pôle de compétitivité')).toBeInTheDocument();
    expect(controller.setStructures).toHaveBeenLastCalledWith(
      expect.objectContaining({
        features: expect.arrayContaining([expect.objectContaining({ id: 'pole-emc2' })]),
      }),
    );
  });

  it('opens the card of a structure chosen in the list, moves the map to it, and closes it', async () => {
    const user = userEvent.setup();
    loadDataset();
    render(<App onRetry={() => {}} />);
    await user.click(screen.getByRole('button', { name: /^EMC2/ }));
    const card = screen.getByRole('article', { name: 'EMC2' });
    expect(within(card).getByText('Pôle de compétitivité')).toBeInTheDocument();
    expect(within(card).getByText('Industrie')).toBeInTheDocument();
    expect(within(card).getByText('Nantes')).toBeInTheDocument();
    expect(
      within(card).getByText(/Nantes Métropole · Loire-Atlantique \(44\) · Pays de la Loire/),
    ).toBeInTheDocument();
    expect(within(card).getByText('1 mars 2023')).toBeInTheDocument();
    expect(within(card).getByRole('heading', { name: 'EMC2' })).toHaveFocus();
    expect(controller.setSelectedId).toHaveBeenLastCalledWith('pole-emc2');
    expect(controller.flyTo).toHaveBeenCalledWith([-1.55, 47.22], 11, expect.any(Boolean));
    await user.click(within(card).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('renders names as text, links out safely and shows every source', async () => {
    const user = userEvent.setup();
    loadDataset();
    render(<App onRetry={() => {}} />);
    await user.click(screen.getByRole('button', { name: /Fablab/ }));
    const card = screen.getByRole('article');
    expect(card.querySelector('img')).toBeNull();
    expect(within(card).getByRole('heading').textContent).toBe('<img src=x onerror=alert(1)> Fablab');
    const website = within(card).getByRole('link', { name: 'fablab.example.org' });
    expect(website).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(card).getByRole('link', { name: 'https://source.example.org/a' })).toBeInTheDocument();
    expect(within(card).getByText('CGET 2019 (ID 4)')).toBeInTheDocument();
    expect(within(card).getByText('2019')).toBeInTheDocument();
  });

  it('switches to English', async () => {
    const user = userEvent.setup();
    loadDataset();
    render(<App onRetry={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Open Innovation Atlas' })).toBeInTheDocument();
    expect(screen.getByText('Competitiveness cluster')).toBeInTheDocument();
  });

  it('shows a load failure with a working retry button', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    appStore.getState().datasetLoaded({ ok: false, error: 'HTTP 503' });
    render(<App onRetry={onRetry} />);
    expect(screen.getByRole('status')).toHaveTextContent('Les données n’ont pas pu être chargées. HTTP 503');
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('offers a one-click jump to each overseas region', async () => {
    const user = userEvent.setup();
    loadDataset();
    render(<App onRetry={() => {}} />);
    const menu = screen.getByRole('navigation', { name: 'Aller à' });
    for (const name of ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']) {
      expect(within(menu).getByRole('button', { name })).toBeInTheDocument();
    }
    await user.click(within(menu).getByRole('button', { name: 'Mayotte' }));
    expect(controller.fitBounds).toHaveBeenCalledWith([44.95, -13.05, 45.32, -12.6], expect.any(Boolean));
  });
});
