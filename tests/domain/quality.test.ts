import { describe, expect, it } from 'vitest';
import type { OfficialMember } from '../../src/domain/network-official-row';
import { computeQuality, parseQualityReport, QUALITY_VERSION } from '../../src/domain/quality';
import { structure } from '../helpers';

const member = (overrides: Partial<OfficialMember>): OfficialMember => ({
  line: 2,
  reseau: 'satt',
  nomOfficiel: 'SATT Ouest Valorisation',
  communeSiege: '',
  codeInseeSiege: '',
  periodeLabel: '',
  structureId: '',
  raisonAbsence: '',
  source: 'https://example.org',
  dateVerification: '2024',
  ...overrides,
});

describe('computeQuality', () => {
  const report = computeQuality({
    structures: [
      structure({ id: 'a', statut: 'actif', dateVerification: '2024-01', siteWeb: 'https://a.example' }),
      structure({ id: 'b', statut: 'inconnu', dateVerification: '2019', siteWeb: '' }),
      structure({ id: 'c', statut: 'inconnu', dateVerification: '2019-05', siteWeb: '' }),
    ],
    curatedIds: new Set(['a']),
    programmes: [
      { code: 'satt', labelFr: 'SATT', labelEn: 'SATT', descriptionFr: '' },
      { code: 'retis', labelFr: 'Retis', labelEn: 'Retis', descriptionFr: '' },
    ],
    members: [
      member({ structureId: 'a' }),
      member({ nomOfficiel: 'SATT Sud-Est', raisonAbsence: 'siège non trouvé' }),
    ],
  });

  it('counts official members, placed members and the reasons of the others, per programme', () => {
    expect(report.programmes).toEqual([
      {
        code: 'satt',
        labelFr: 'SATT',
        labelEn: 'SATT',
        official: 2,
        placed: 1,
        notPlaced: [{ nom: 'SATT Sud-Est', raison: 'siège non trouvé' }],
      },
      { code: 'retis', labelFr: 'Retis', labelEn: 'Retis', official: 0, placed: 0, notPlaced: [] },
    ]);
  });

  it('splits statuses, evidence years and completeness between curated and imported rows', () => {
    expect(report.totals).toEqual({ curated: 1, imported: 2 });
    expect(report.statuses).toEqual([
      { statut: 'actif', curated: 1, imported: 0 },
      { statut: 'ferme', curated: 0, imported: 0 },
      { statut: 'inconnu', curated: 0, imported: 2 },
    ]);
    expect(report.evidenceYears).toEqual([
      { year: '2019', curated: 0, imported: 2 },
      { year: '2024', curated: 1, imported: 0 },
    ]);
    expect(report.completeness.find((row) => row.field === 'site_web')).toEqual({
      field: 'site_web',
      curated: 1,
      imported: 0,
    });
    expect(report.duplicates).toBeUndefined();
  });

  it('reads back what it computed, with or without the duplicates block, and refuses other versions', () => {
    const withDuplicates = { ...report, duplicates: { suspected: 4, merged: 1, distinct: 2, unresolved: 1 } };
    expect(parseQualityReport(JSON.parse(JSON.stringify(report)))).toEqual({ ok: true, value: report });
    expect(parseQualityReport(withDuplicates)).toEqual({ ok: true, value: withDuplicates });
    expect(parseQualityReport({ ...report, version: QUALITY_VERSION + 1 })).toMatchObject({ ok: false });
    expect(parseQualityReport('<html>')).toMatchObject({ ok: false });
  });

  it('says why a report of the right version cannot be read: the version, or the first bad field and its message', () => {
    expect(parseQualityReport(null)).toEqual({
      ok: false,
      issues: [{ message: `quality report version undefined is not ${QUALITY_VERSION}` }],
    });
    expect(parseQualityReport({ ...report, version: 7 })).toEqual({
      ok: false,
      issues: [{ message: `quality report version 7 is not ${QUALITY_VERSION}` }],
    });
    const broken = parseQualityReport({ ...report, completeness: [{ field: 3, curated: 1, imported: 0 }] });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.issues).toHaveLength(1);
    expect(broken.issues[0]?.field).toBe('completeness.0.field');
    expect(broken.issues[0]?.message).not.toBe('');
  });
});
