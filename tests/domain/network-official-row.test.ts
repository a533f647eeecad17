import { describe, expect, it } from 'vitest';
import { parseNetworkOfficialRow } from '../../src/domain/network-official-row';

const PROGRAMMES = new Set(['pole-competitivite', 'satt']);

function row(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    reseau: 'pole-competitivite',
    nom_officiel: 'EMC2',
    commune_siege: 'Nantes',
    code_insee_siege: '44109',
    periode_label: '2023-2026',
    structure_id: 'pole-emc2',
    raison_absence: '',
    source: 'https://example.org/poles-phase-v',
    date_verification: '2023-03',
    ...overrides,
  };
}

describe('parseNetworkOfficialRow', () => {
  it('reads a placed member', () => {
    const result = parseNetworkOfficialRow(row(), 2, PROGRAMMES);
    expect(result).toEqual({
      ok: true,
      value: {
        line: 2,
        reseau: 'pole-competitivite',
        nomOfficiel: 'EMC2',
        communeSiege: 'Nantes',
        codeInseeSiege: '44109',
        periodeLabel: '2023-2026',
        structureId: 'pole-emc2',
        raisonAbsence: '',
        source: 'https://example.org/poles-phase-v',
        dateVerification: '2023-03',
      },
    });
  });

  it('reads a member that is not placed, with its reason and an open-ended period', () => {
    const result = parseNetworkOfficialRow(
      row({
        structure_id: '',
        raison_absence: 'siège non trouvé',
        periode_label: '2023-',
        code_insee_siege: '',
      }),
      3,
      PROGRAMMES,
    );
    expect(result.ok).toBe(true);
  });

  it('returns every problem of the row with its line and field', () => {
    const result = parseNetworkOfficialRow(
      row({
        reseau: 'pole-inconnu',
        nom_officiel: '',
        code_insee_siege: '4410',
        periode_label: '2026-2023',
        structure_id: 'Pole EMC2',
        raison_absence: 'aussi une raison',
        source: '',
        date_verification: 'hier',
      }),
      7,
      PROGRAMMES,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => `${issue.line} ${issue.field}: ${issue.message}`)).toEqual([
      '7 reseau: unknown programme "pole-inconnu" (not in networks-official-programmes.csv)',
      '7 nom_officiel: required',
      '7 code_insee_siege: expected 5 characters (digits, or 2A/2B + 3 digits)',
      '7 periode_label: the period ends before it starts',
      '7 structure_id: expected a structure id (lowercase letters, digits, hyphens)',
      '7 raison_absence: give structure_id or raison_absence, not both',
      '7 source: required',
      '7 source: empty or too short reference ""',
      '7 date_verification: expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY)',
    ]);
  });

  it('requires structure_id or raison_absence', () => {
    const result = parseNetworkOfficialRow(row({ structure_id: '' }), 4, PROGRAMMES);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          line: 4,
          field: 'structure_id',
          message: 'give structure_id (the member is in the dataset) or raison_absence (why it is not)',
        },
      ],
    });
  });
});
