import { screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/loaders/load-dataset';
import { structure } from '../helpers';
import { DATASET, renderApp, resetStore } from './render-app';

vi.mock('../../src/map/map-controller', async () => {
  const { controller: fake } = await import('./fake-controller');
  return {
    MapController: vi.fn(function MapController() {
      return fake;
    }),
  };
});

const WITH_SUCCESSOR: Dataset = {
  ...DATASET,
  structures: [
    ...DATASET.structures,
    structure({
      id: 'pole-ancien',
      nom: 'Ancien Pôle',
      statut: 'ferme',
      successeur: 'pole-emc2',
      dateVerification: '2024-05',
    }),
    structure({ id: 'pole-incertain', nom: 'Pôle Incertain', statut: 'inconnu', dateVerification: '2019' }),
  ],
};

beforeEach(() => {
  resetStore();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('evidence age, "inconnu" and successors', () => {
  it('shows the age of the evidence in the list rows', () => {
    renderApp();
    const row = screen.getByRole('button', { name: /^(?!Ajouter|Add).*Fablab/ });
    expect(row).toHaveTextContent('Vérifié : 2019 (il y a 7 ans)');
  });

  it('shows the age of the evidence on the card, in French then in English', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: /^(?!Ajouter|Add).*Fablab/ }));
    const verified = () => within(screen.getByRole('article')).getByText('2019').parentElement;
    expect(verified()).toHaveTextContent(/^2019 \(il y a 7 ans\)/);
    expect(verified()?.previousElementSibling).toHaveTextContent('Vérifié');
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(verified()).toHaveTextContent(/^2019 \(7 years ago\)/);
    expect(screen.getByRole('button', { name: /^(?!Ajouter|Add).*Fablab/ })).toHaveTextContent(
      'Checked: 2019 (7 years ago)',
    );
  });

  it('says what "inconnu" means, next to the status filter and on the card', async () => {
    const user = userEvent.setup();
    renderApp(WITH_SUCCESSOR);
    const facet = screen.getByRole('group', { name: 'Statut' });
    expect(
      within(facet).getByText(
        '« Statut non vérifié » : aucune source datée de 2023 ou après ne confirme que la structure est en activité.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Pôle Incertain/ }));
    const card = screen.getByRole('article');
    expect(within(card).getByText('Statut non vérifié')).toBeInTheDocument();
    expect(
      within(card).getByText('Aucune source datée de 2023 ou après ne confirme qu’elle est en activité.'),
    ).toBeInTheDocument();
  });

  it('shows "Devenu : <name>" on a closed structure, as a button that selects the successor', async () => {
    const user = userEvent.setup();
    renderApp(WITH_SUCCESSOR);
    await user.click(screen.getByRole('checkbox', { name: /Fermée/ }));
    await user.click(screen.getByRole('button', { name: /^Ancien Pôle/ }));
    const card = screen.getByRole('article');
    expect(within(card).getByText('Devenu :')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'EMC2' }));
    expect(screen.getByRole('heading', { level: 2, name: 'EMC2' })).toBeInTheDocument();
    expect(within(screen.getByRole('article')).queryByText('Devenu :')).not.toBeInTheDocument();
  });
});
