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

/** `public/data/quality.json`, byte-identical for identical figures. */
export function renderQualityJson(quality: QualityReport, generator: string): string {
  return `${JSON.stringify({ ...quality, generator })}\n`;
}
