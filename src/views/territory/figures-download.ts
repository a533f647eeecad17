import type { ChoroplethView } from '../../domain/choropleth';
import { exportFileName, type FigureRow, figuresCsv } from '../../domain/export';
import type { TerritoryPanel } from '../../state/territory-selectors';
import { downloadBlob } from '../download';

/** What the type column says for a total: the active type filter, or every type. */
function allTypes(typeFilter: readonly string[]): string {
  return typeFilter.length === 0 ? 'tous' : `total (${typeFilter.join('|')})`;
}

/**
 * The territory panel's figures in long format: for every type (and all types together), the territory, its
 * parent levels and France; then the peers of the same level (all types together).
 */
export function territoryFigureRows(panel: TerritoryPanel, typeFilter: readonly string[]): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const row of panel.rows) {
    const type = row.code ?? allTypes(typeFilter);
    rows.push({
      niveau: panel.info.ref.level,
      code: panel.info.ref.code,
      nom: panel.info.name,
      population: panel.info.population,
      type,
      structures: row.territory.count,
      pour_100000_hab: row.territory.perCapita,
    });
    panel.columns.forEach((column, position) => {
      const figure = row.parents[position];
      if (figure === undefined) return;
      rows.push({
        niveau: column.ref?.level ?? 'france',
        code: column.ref?.code ?? 'FR',
        nom: column.name,
        population: column.population,
        type,
        structures: figure.count,
        pour_100000_hab: figure.perCapita,
      });
    });
  }
  for (const peer of panel.peers) {
    if (peer.ref.code === panel.info.ref.code) continue;
    rows.push({
      niveau: peer.ref.level,
      code: peer.ref.code,
      nom: peer.name,
      population: peer.population,
      type: allTypes(typeFilter),
      structures: peer.count,
      pour_100000_hab: peer.perCapita,
    });
  }
  return rows;
}

export function choroplethFigureRows(view: ChoroplethView, typeFilter: readonly string[]): FigureRow[] {
  return view.figures.map((figure) => ({
    niveau: view.level,
    code: figure.code,
    nom: figure.name,
    population: figure.population,
    type: allTypes(typeFilter),
    structures: figure.count,
    pour_100000_hab: figure.rate,
  }));
}

/** Starts the download of a CSV of figures named after what it holds (`chiffres_brest-metropole_2026-11-30.csv`). */
export function downloadFigures(rows: readonly FigureRow[], nameParts: readonly string[]): void {
  const today = new Date().toISOString().slice(0, 10);
  downloadBlob(
    `${exportFileName(nameParts, today, 'chiffres')}.csv`,
    new Blob([figuresCsv(rows)], { type: 'text/csv;charset=utf-8' }),
  );
}
