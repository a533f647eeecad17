import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appStore } from '../../src/state/store';
import { lastProps, mapIds } from './fake-controller';
import { renderApp, resetStore } from './render-app';

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

const facet = (name: RegExp) => screen.getByRole('group', { name });
const listNames = () =>
  within(screen.getByRole('region', { name: 'Structures' }))
    .queryAllByRole('button')
    .filter((button) => button.classList.contains('list-item'))
    .map((button) => button.querySelector('.list-name')?.textContent);

describe('facets', () => {
  it('filters map, list and count together, and shows live counts per value', async () => {
    const user = userEvent.setup();
    renderApp();
    const types = facet(/^Type/);
    expect(within(types).getByRole('checkbox', { name: /Fablab\s*1$/ })).toBeInTheDocument();
    await user.click(within(types).getByRole('checkbox', { name: /Fablab/ }));
    expect(listNames()).toEqual(['<img src=x onerror=alert(1)> Fablab']);
    expect(mapIds()).toEqual(['fablab-test']);
    expect(screen.getByTestId('result-count')).toHaveTextContent('1 structure');
    expect(
      within(facet(/^Thème/))
        .getByRole('checkbox', { name: /Industrie\s*0$/ })
        .closest('li'),
    ).toHaveClass('empty');
    expect(
      within(facet(/^Thème/)).getByRole('checkbox', { name: /Mer et littoral\s*1$/ }),
    ).toBeInTheDocument();
  });

  it('ORs inside a facet, ANDs across facets, and clears per facet or all at once', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(within(facet(/^Type/)).getByRole('checkbox', { name: /Fablab/ }));
    await user.click(within(facet(/^Type/)).getByRole('checkbox', { name: /Pôle de compétitivité/ }));
    expect(listNames()).toHaveLength(2);
    await user.click(within(facet(/^Thème/)).getByRole('checkbox', { name: /Industrie/ }));
    expect(listNames()).toEqual(['EMC2']);
    await user.click(within(facet(/^Thème/)).getByRole('button', { name: 'Effacer le filtre Thème' }));
    expect(listNames()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Tout effacer' }));
    expect(appStore.getState().filter.type).toEqual([]);
    expect(screen.getByRole('button', { name: 'Tout effacer' })).toBeDisabled();
  });

  it('hides closed structures until a status is chosen', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(listNames()).not.toContain('École des Makers');
    await user.click(within(facet(/^Statut/)).getByRole('checkbox', { name: /Fermée\s*1$/ }));
    expect(listNames()).toEqual(['École des Makers']);
  });

  it('filters on Covid initiatives and shows their layer on demand', async () => {
    const user = userEvent.setup();
    renderApp();
    const group = facet(/^Initiatives Covid-19/);
    await user.click(within(group).getByRole('checkbox', { name: /Santé et soins\s*1$/ }));
    expect(listNames()).toEqual(['<img src=x onerror=alert(1)> Fablab']);
    expect(lastProps().initiatives.points.map((point) => point.id)).toEqual(['covid-visieres@fablab-test']);
    expect(lastProps().initiatives.visible).toBe(false);
    await user.click(within(group).getByRole('checkbox', { name: 'Afficher les initiatives sur la carte' }));
    expect(lastProps().initiatives.visible).toBe(true);
  });

  it('filters by region and narrows the departments offered', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(within(facet(/^Région/)).getByRole('checkbox', { name: /Bretagne/ }));
    expect(listNames()).toEqual(['<img src=x onerror=alert(1)> Fablab']);
    const departements = within(facet(/^Département/))
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')?.textContent);
    expect(departements).toEqual([expect.stringMatching(/^29 Finistère/)]);
  });
});

describe('search', () => {
  it('finds structures without regard to accents, tolerates typos and highlights the match', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(within(facet(/^Statut/)).getByRole('checkbox', { name: /Fermée/ }));
    const box = screen.getByRole('searchbox', { name: 'Rechercher une structure' });
    await user.type(box, 'ecole');
    await waitFor(() => expect(listNames()).toEqual(['École des Makers']));
    expect(await screen.findByText('École', { selector: 'mark' })).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'makrs');
    expect(listNames()).toEqual(['École des Makers']);
    await user.clear(box);
    await user.type(box, 'zzzz');
    expect(screen.getByText('Aucune structure ne correspond à ces critères.')).toBeInTheDocument();
    expect(mapIds()).toEqual([]);
  });
});

describe('list', () => {
  it('sorts by name, commune or type, and follows the map view on demand', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trier par' }), 'commune');
    expect(listNames()).toEqual(['<img src=x onerror=alert(1)> Fablab', 'EMC2']);
    appStore.getState().mapMoved([-2, 47, -1, 48]);
    await user.click(screen.getByRole('checkbox', { name: 'Seulement ce que montre la carte' }));
    expect(listNames()).toEqual(['EMC2']);
  });

  it('moves between rows with the arrow keys and opens a card with Enter', async () => {
    const user = userEvent.setup();
    renderApp();
    const first = screen.getByRole('button', { name: /^<img/ });
    first.focus();
    await user.keyboard('{ArrowDown}');
    await vi.waitFor(() => expect(screen.getByRole('button', { name: /^EMC2/ })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(screen.getByRole('article', { name: 'EMC2' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });
});
