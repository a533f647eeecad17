import { screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appStore } from '../../src/state/store';
import { DATASET, renderApp, resetStore } from './render-app';

/** What creating the map throws: a `MapUnavailableError` as without WebGL, or any other failure. */
const failure = vi.hoisted(() => ({ name: 'MapUnavailableError', message: 'WebGL 2 is not available' }));

vi.mock('../../src/map/map-controller', () => ({
  MapController: vi.fn(function MapController() {
    const error = new Error(failure.message);
    error.name = failure.name;
    throw error;
  }),
}));

beforeEach(resetStore);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('App without a map', () => {
  it('keeps the header, the filters, the list and the cards, with a message in place of the map', async () => {
    const user = userEvent.setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp();
    expect(
      screen.getByRole('heading', { level: 1, name: "Atlas de l'innovation ouverte" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible) ; la liste et les filtres restent utilisables.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('WebGL 2 is not available').closest('details')).not.toBeNull();
    expect(screen.getByRole('checkbox', { name: /Fablab/ })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Structures' });
    await user.click(within(list).getByRole('button', { name: /^EMC2/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'EMC2' })).toBeInTheDocument();
    expect(appStore.getState().selectedId).toBe('pole-emc2');
    expect(DATASET.structures.length).toBeGreaterThan(1);
    // Expected on some machines: handled by the map view, not logged as an error (jsdom still warns about <search>).
    expect(logged.mock.calls.flat().filter((argument) => argument instanceof Error)).toEqual([]);
  });

  it('takes down the map alone when creating it fails otherwise, with the raw message in details', () => {
    failure.name = 'TypeError';
    failure.message = 'map engine exploded';
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp();
    expect(
      screen.getByText('La carte n’a pas pu démarrer ; la liste et les filtres restent utilisables.'),
    ).toBeInTheDocument();
    expect(screen.getByText('map engine exploded').closest('details')).not.toBeNull();
    expect(
      within(screen.getByRole('list', { name: 'Structures' }))
        .getAllByRole('button')
        .filter((button) => button.classList.contains('list-item')),
    ).toHaveLength(2);
  });
});
