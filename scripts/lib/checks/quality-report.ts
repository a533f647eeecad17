import type { QualityReport } from '../../../src/domain/quality';

const percent = (part: number, total: number) =>
  total === 0 ? '–' : `${((100 * part) / total).toFixed(1)} %`;

/** The "Réseaux officiels" section of `data/REPORT.md`: each programme's official members and how many we place. */
export function renderOfficialNetworks(quality: QualityReport): string {
  const lines = [
    '## Réseaux officiels',
    'Members of each official programme (`data/networks-official.csv`) and how many are placed in the dataset (`structure_id` given); the others with the reason they are not.',
    '',
    '| programme | official members | in the dataset | not placed | share placed |',
    '|---|---:|---:|---:|---:|',
    ...quality.programmes.map(
      (programme) =>
        `| ${programme.labelFr} (\`${programme.code}\`) | ${programme.official} | ${programme.placed} | ${programme.notPlaced.length} | ${percent(programme.placed, programme.official)} |`,
    ),
  ];
  for (const programme of quality.programmes) {
    if (programme.notPlaced.length === 0) continue;
    lines.push(
      '',
      `### ${programme.labelFr}: not placed`,
      ...programme.notPlaced.map((member) => `- ${member.nom}: ${member.raison}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The "Fiches vérifiées et importées" section of `data/REPORT.md`: the same statuses and filled-in fields as the
 * app's quality page, split between curated and imported rows, and the duplicate figures when the detector gave them.
 */
export function renderCuratedVersusImported(quality: QualityReport): string {
  const { totals } = quality;
  const row = (label: string, counts: { curated: number; imported: number }) =>
    `| ${label} | ${counts.curated} | ${percent(counts.curated, totals.curated)} | ${counts.imported} | ${percent(counts.imported, totals.imported)} |`;
  const header = (first: string) => [
    `| ${first} | curated | share | imported | share |`,
    '|---|---:|---:|---:|---:|',
  ];
  const lines = [
    '## Fiches vérifiées et importées',
    `${totals.curated} curated rows (\`structures.csv\`), ${totals.imported} imported rows (\`imported/*.csv\`). The app's "Qualité des données" page shows the same figures (\`public/data/quality.json\`).`,
    '',
    ...header('statut'),
    ...quality.statuses.map((entry) => row(entry.statut, entry)),
    '',
    ...header('field filled in'),
    ...quality.completeness.map((entry) => row(entry.field, entry)),
  ];
  if (quality.duplicates !== undefined) {
    const { suspected, merged, distinct, unresolved } = quality.duplicates;
    lines.push(
      '',
      `Duplicates: ${suspected} suspected, ${merged} merged, ${distinct} distinct after review, ${unresolved} to review.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `public/data/quality.json`, byte-identical for identical figures. */
export function renderQualityJson(quality: QualityReport, generator: string): string {
  return `${JSON.stringify({ ...quality, generator })}\n`;
}
