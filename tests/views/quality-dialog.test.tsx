import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeQuality, type QualityReport } from '../../src/domain/quality';
import { structure } from '../helpers';
import { renderApp, resetStore } from './render-app';

vi.mock('../../src/map/map-controller', async () => {
  const { controller: fake } = await import('./fake-controller');
  return {
    MapController: vi.fn(function MapController() {
      return fake;
    }),
  };
});

const REPORT: QualityReport = computeQuality({
  structures: [
    structure({ id: 'a', statut: 'actif', dateVerification: '2024' }),
    structure({ id: 'b', statut: 'inconnu', dateVerification: '2019', siteWeb: '' }),
  ],
  curatedIds: new Set(['a']),
  programmes: [
    { code: 'satt', labelFr: 'SATT', labelEn: 'Technology transfer companies', descriptionFr: '' },
  ],
  members: [
    {
      line: 2,
      reseau: 'satt',
      nomOfficiel: 'SATT Sud-Est',
      communeSiege: '',
      codeInseeSiege: '',
      periodeLabel: '2023-',
      structureId: '',
      raisonAbsence: 'siège non trouvé dans les sources stockées',
      source: 'https://example.org',
      dateVerification: '2024',
    },
  ],
});

function serve(report: unknown, status = 200) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(report), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(resetStore);
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('Qualité des données', () => {
  it('opens from the header, fetches quality.json only then, and shows captioned tables', async () => {
    const user = userEvent.setup();
    const fetchMock = serve(REPORT);
    renderApp();
    expect(fetchMock).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Qualité des données' }));
    const dialog = await screen.findByRole('dialog', { name: 'Qualité des données' });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/data/quality.json'));
    const programmes = await within(dialog).findByRole('table', { name: 'Couverture des réseaux officiels' });
    expect(within(programmes).getByRole('columnheader', { name: 'Membres officiels' })).toBeInTheDocument();
    const satt = within(programmes).getByRole('row', { name: /SATT/ });
    expect(within(satt).getByRole('rowheader')).toHaveTextContent('SATT');
    expect(
      within(satt)
        .getAllByRole('cell')
        .map((cell) => cell.textContent?.replace(/\s/g, ' ')),
    ).toEqual(['1', '0', '0 %']);
    expect(
      within(dialog).getByRole('heading', { name: 'SATT : membres absents de l’atlas' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/siège non trouvé dans les sources stockées/)).toBeInTheDocument();
    const statuses = within(dialog).getByRole('table', { name: 'Statuts' });
    expect(within(statuses).getByRole('row', { name: /En activité/ })).toHaveTextContent(/1\s*\(100\s%\)/);
    expect(
      within(dialog).getByRole('table', { name: 'Âge des sources (année de vérification)' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('table', { name: 'Champs renseignés' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('table', { name: 'Doublons' })).not.toBeInTheDocument();
  });

  it('moves focus into the dialog, keeps Tab inside it, and gives focus back on Escape', async () => {
    const user = userEvent.setup();
    serve(REPORT);
    renderApp();
    const opener = screen.getByRole('button', { name: 'Qualité des données' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('heading', { level: 2 })).toHaveFocus());
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('shows the duplicates block when the detector filled it, in English too', async () => {
    const user = userEvent.setup();
    serve({ ...REPORT, duplicates: { suspected: 12, merged: 3, distinct: 5, unresolved: 4 } });
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    await user.click(screen.getByRole('button', { name: 'Data quality' }));
    const dialog = await screen.findByRole('dialog', { name: 'Data quality' });
    const duplicates = await within(dialog).findByRole('table', { name: 'Duplicates' });
    expect(within(duplicates).getByRole('row', { name: /To review/ })).toHaveTextContent('4');
    expect(within(dialog).getByRole('row', { name: /Technology transfer companies/ })).toBeInTheDocument();
  });

  it('says so when quality.json cannot be read', async () => {
    const user = userEvent.setup();
    serve({ version: 99 });
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Qualité des données' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Les indicateurs n’ont pas pu être chargés.');
  });
});
