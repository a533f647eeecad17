import { act, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appStore } from '../../src/state/store';
import { lastProps, mapIds } from './fake-controller';
import { controller, DATASET, renderApp, resetStore } from './render-app';

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

const list = () => screen.getByRole('list', { name: 'Structures' });
const listNames = () =>
  within(list())
    .getAllByRole('button')
    .filter((button) => button.classList.contains('list-item'))
    .map((button) => button.querySelector('.list-name')?.textContent);

describe('App', () => {
  it('lists the open structures, counts them and sends the same set to the map', () => {
    renderApp();
    expect(listNames()).toEqual(['<img src=x onerror=alert(1)> Fablab', 'EMC2']);
    expect(screen.getByTestId('result-count')).toHaveTextContent('2 structures');
    expect(mapIds()).toEqual(['fablab-test', 'pole-emc2']);
  });

  it('opens the card of a structure chosen in the list, moves the map to it, and closes it', async () => {
    const user = userEvent.setup();
    renderApp();
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
    expect(lastProps().selection).toEqual({ id: 'pole-emc2' });
    expect(controller.flyTo).toHaveBeenCalledWith([-1.55, 47.22], 11, expect.any(Boolean));
    expect(within(list()).getByRole('button', { name: /^EMC2/ })).toHaveAttribute('aria-current', 'true');
    await user.click(within(card).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('renders names as text, links out safely, shows sources, initiatives, age and a report link', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: /^(?!Ajouter|Add).*Fablab/ }));
    const card = screen.getByRole('article');
    expect(card.querySelector('img')).toBeNull();
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe(
      '<img src=x onerror=alert(1)> Fablab',
    );
    expect(within(card).getByRole('link', { name: 'fablab.example.org' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    expect(within(card).getByRole('link', { name: 'https://source.example.org/a' })).toBeInTheDocument();
    expect(within(card).getByText('CGET 2019 (ID 4)')).toBeInTheDocument();
    expect(within(card).getByText('Peut être obsolète')).toBeInTheDocument();
    const initiatives = within(card).getByRole('region', { name: 'Initiatives Covid-19' });
    expect(within(initiatives).getByText('Visières pour les soignants')).toBeInTheDocument();
    expect(
      within(initiatives).getByText(/Santé et soins · du 20 mars 2020 au juin 2020/),
    ).toBeInTheDocument();
    const report = within(card).getByRole('link', { name: 'Signaler une erreur' });
    const href = report.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:')).toBe(true);
    expect(decodeURIComponent(href)).toContain('fablab-test');
    expect(decodeURIComponent(href)).toContain('Page : http');
  });

  it('does not flag a recently checked structure as outdated', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('checkbox', { name: /Fermée/ }));
    await user.click(screen.getByRole('button', { name: /^École des Makers/ }));
    expect(within(screen.getByRole('article')).queryByText('Peut être obsolète')).not.toBeInTheDocument();
  });

  it('switches to English', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Open Innovation Atlas' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Competitiveness cluster/ })).toBeInTheDocument();
    expect(appStore.getState().language).toBe('en');
  });

  it('shows a load failure with a working retry button', async () => {
    const user = userEvent.setup();
    appStore.getState().datasetLoaded({ ok: false, error: 'HTTP 503' });
    const { onRetry } = renderApp(null);
    expect(screen.getByText('Les données n’ont pas pu être chargées.')).toBeInTheDocument();
    expect(screen.getByText('HTTP 503').closest('details')).toHaveTextContent('Détails techniques');
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('offers a one-click jump to each overseas region', async () => {
    const user = userEvent.setup();
    renderApp();
    const menu = screen.getByRole('navigation', { name: 'Aller à' });
    for (const name of ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']) {
      expect(within(menu).getByRole('button', { name })).toBeInTheDocument();
    }
    await user.click(within(menu).getByRole('button', { name: 'Mayotte' }));
    expect(controller.fitBounds).toHaveBeenCalledWith([44.95, -13.05, 45.32, -12.6], expect.any(Boolean));
  });

  it('shows the card of a network-wide initiative picked on the map', async () => {
    const user = userEvent.setup();
    renderApp({
      ...DATASET,
      initiatives: [
        {
          ...(DATASET.initiatives[0] as (typeof DATASET.initiatives)[number]),
          id: 'covid-reseau',
          nom: 'Réseau de makers',
          structureIds: [],
          commune: 'Lille',
          codeInsee: '59350',
          coordinates: [3.06, 50.63],
        },
      ],
    });
    act(() => appStore.getState().selectInitiative('covid-reseau'));
    const card = screen.getByRole('article', { name: 'Réseau de makers' });
    expect(
      within(card).getByText(/Initiative en réseau, sans structure porteuse recensée\. Lieu : Lille\./),
    ).toBeInTheDocument();
    expect(within(card).getByRole('heading', { level: 2 })).toHaveFocus();
    await user.click(within(card).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('switches between map and list on narrow screens', async () => {
    const user = userEvent.setup();
    const { container } = renderApp();
    const group = screen.getByRole('group', { name: 'Affichage' });
    await user.click(within(group).getByRole('button', { name: 'Liste' }));
    expect(container.querySelector('.app')).toHaveAttribute('data-view', 'liste');
    expect(within(group).getByRole('button', { name: 'Liste' })).toHaveAttribute('aria-pressed', 'true');
  });
});
