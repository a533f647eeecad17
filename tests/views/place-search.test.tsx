import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlacesFile } from '../../src/domain/places';
import { appStore } from '../../src/state/store';
import { renderApp, resetStore } from './render-app';

vi.mock('../../src/map/map-controller', async () => {
  const { controller: fake } = await import('./fake-controller');
  return {
    MapController: vi.fn(function MapController() {
      return fake;
    }),
  };
});

const PLACES: PlacesFile = {
  version: 2,
  communes: [
    ['29019', 'Brest', '29200', '29', -4.486, 48.39, 139_000, '242900314'],
    ['23096', 'Guéret', '23000', '23', 1.871, 46.171, 13_000, '200034825'],
    ['44109', 'Nantes', '44000 44100 44200 44300', '44', -1.554, 47.218, 320_000, '244400404'],
  ],
  arrondissements: [],
  departements: [
    ['23', 'Creuse', 1.9, 46.1, 115_000, '', '75'],
    ['29', 'Finistère', -4.1, 48.2, 915_000, '', '53'],
  ],
  regions: [['53', 'Bretagne', -2.8, 48.2, 3_400_000, '', '']],
  epci: [['244400404', 'Nantes Métropole', -1.55, 47.22, 680_000, '44', '52']],
};

function servePlaces() {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(PLACES), { status: 200 }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const listNames = () =>
  within(screen.getByRole('region', { name: 'Structures' }))
    .queryAllByRole('button')
    .filter((button) => button.classList.contains('list-item'))
    .map((button) => button.querySelector('.list-name')?.textContent);

beforeEach(resetStore);
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('Autour de', () => {
  it('loads the places on focus, then picks one with the arrows and Enter: nearest first, with distances', async () => {
    const user = userEvent.setup();
    const fetchMock = servePlaces();
    renderApp();
    expect(fetchMock).not.toHaveBeenCalled();
    const box = screen.getByRole('combobox', { name: 'Autour de' });
    await user.click(box);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/data/places.json'));
    await waitFor(() => expect(appStore.getState().placeIndexStatus).toBe('ready'));
    await user.type(box, 'bre');
    const options = within(screen.getByRole('listbox', { name: 'Lieux trouvés' })).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Bretagne Région',
      'Brest Commune · Finistère (29)',
    ]);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(appStore.getState().place).toEqual({ label: 'Brest (29)', lngLat: [-4.486, 48.39] });
    expect(box).toHaveValue('');
    expect(screen.getByText('Distances à vol d’oiseau depuis Brest (29).')).toBeInTheDocument();
    expect(screen.getByTestId('result-count')).toHaveTextContent('1 structure');
    expect(screen.getByText('0,4 km ·')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Trier par' })).toHaveValue('distance');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rayon' }), '200');
    expect(screen.getByTestId('result-count')).toHaveTextContent('1 structure');
    await user.click(screen.getByRole('button', { name: 'Retirer le lieu' }));
    expect(appStore.getState().place).toBeNull();
    expect(listNames()).toEqual(['<img src=x onerror=alert(1)> Fablab', 'EMC2']);
  });

  it('when the radius holds nothing, says so and offers the nearest structures with their distance', async () => {
    const user = userEvent.setup();
    servePlaces();
    renderApp();
    const box = screen.getByRole('combobox', { name: 'Autour de' });
    await user.click(box);
    await waitFor(() => expect(appStore.getState().placeIndexStatus).toBe('ready'));
    await user.type(box, 'gueret{Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rayon' }), '5');
    expect(screen.getByText('Aucune structure à moins de 5 km ; les plus proches :')).toBeInTheDocument();
    const nearest = screen.getAllByRole('button', { name: /km$/ });
    expect(nearest.map((button) => button.querySelector('.list-name')?.textContent)).toEqual([
      'EMC2',
      '<img src=x onerror=alert(1)> Fablab',
    ]);
    await user.click(nearest[0] as HTMLElement);
    expect(screen.getByRole('article', { name: 'EMC2' })).toBeInTheDocument();
    expect(screen.getByText(/km de Guéret \(23\), à vol d’oiseau$/)).toBeInTheDocument();
  });

  it('opens the territory view of a department by its number, and of an intercommunality by its name', async () => {
    const user = userEvent.setup();
    servePlaces();
    renderApp();
    const box = screen.getByRole('combobox', { name: 'Autour de' });
    await user.click(box);
    await waitFor(() => expect(appStore.getState().placeIndexStatus).toBe('ready'));
    await user.type(box, '29{Enter}');
    expect(appStore.getState().filter.territory).toEqual({ level: 'departement', code: '29' });
    expect(listNames()).toEqual(['<img src=x onerror=alert(1)> Fablab']);
    // The territory panel is a lazy chunk: on a loaded machine its first import takes more than the default 1 s.
    expect(await screen.findByRole('heading', { name: 'Finistère' }, { timeout: 5_000 })).toBeInTheDocument();
    await user.type(box, 'nantes met{Enter}');
    expect(appStore.getState().filter.territory).toEqual({ level: 'epci', code: '244400404' });
    expect(
      await screen.findByRole('heading', { name: 'Nantes Métropole' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fermer la vue territoire' }));
    expect(appStore.getState().filter.territory).toBeNull();
    // A link's intercommunality filter (epci=) still shows as a chip that removes it.
    appStore.getState().toggleFacetValue('epci', '244400404');
    expect(await screen.findByText('Intercommunalité : Nantes Métropole')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retirer le filtre intercommunalité' }));
    expect(appStore.getState().filter.epci).toEqual([]);
  });

  it('asks the national address service only once "Adresse précise" is on, and survives its failure', async () => {
    const user = userEvent.setup();
    const answer = {
      features: [
        {
          geometry: { coordinates: [-4.4761, 48.3829] },
          properties: { label: '20 Rue Jean Jaurès 29200 Brest' },
        },
      ],
    };
    const fetchMock = vi.fn(async (url: string) =>
      url.includes('places.json')
        ? new Response(JSON.stringify(PLACES), { status: 200 })
        : new Response(JSON.stringify(answer), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    window.localStorage.clear();
    renderApp();
    const box = screen.getByRole('combobox', { name: 'Autour de' });
    await user.click(box);
    await user.type(box, '20 rue jean jaures brest');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/data/places.json']);

    const toggle = screen.getByRole('checkbox', { name: /^Adresse précise/ });
    await user.click(toggle);
    expect(window.localStorage.getItem('atlas.adresse-precise')).toBe('1');
    await user.click(box);
    const group = await screen.findByRole('group', { name: 'Adresses (Base Adresse Nationale)' });
    const asked = new URL(String(fetchMock.mock.lastCall?.[0]));
    expect(`${asked.origin}${asked.pathname}`).toBe('https://data.geopf.fr/geocodage/search');
    expect(asked.searchParams.get('q')).toBe('20 rue jean jaures brest');
    await user.click(within(group).getByRole('option', { name: '20 Rue Jean Jaurès 29200 Brest' }));
    expect(appStore.getState().place).toEqual({
      label: '20 Rue Jean Jaurès 29200 Brest',
      lngLat: [-4.4761, 48.3829],
    });

    fetchMock.mockImplementation(async (url: string) => {
      if (url.includes('places.json')) return new Response(JSON.stringify(PLACES), { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    await user.type(box, 'brest');
    expect(await screen.findByText(/Service d’adresses injoignable/)).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /^Brest Commune/ })).toBeInTheDocument();
    window.localStorage.clear();
  });

  it('says when the position is refused or the places cannot be loaded', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('nope', { status: 500 })),
    );
    vi.stubGlobal('navigator', {
      ...navigator,
      geolocation: {
        getCurrentPosition: (
          _ok: unknown,
          fail: (error: { code: number; PERMISSION_DENIED: number }) => void,
        ) => fail({ code: 1, PERMISSION_DENIED: 1 }),
      },
    });
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Me localiser' }));
    expect(screen.getByText(/Localisation refusée/)).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Autour de' }));
    expect(await screen.findByText(/La liste des lieux n’a pas pu être chargée/)).toBeInTheDocument();
  });
});
