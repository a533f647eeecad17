import type { FeatureCollection, Point } from 'geojson';
import type { Gazetteer } from '../../src/domain/commune';

/**
 * Label points for the basemap: the `count` most populous communes of metropolitan France, plus the most
 * populous commune of each overseas department, so every territory has a town name on the map.
 */
export function cityLabels(
  gazetteer: Gazetteer,
  count: number,
): FeatureCollection<Point, { nom: string; population: number }> {
  const communes = [...gazetteer.byCode.values()].filter(
    (record) => record.kind === 'commune' && record.centre !== null && record.population !== null,
  );
  const byPopulation = [...communes].sort((left, right) => (right.population ?? 0) - (left.population ?? 0));
  const metropole = byPopulation.filter((record) => !record.departement.startsWith('97')).slice(0, count);
  const overseas = ['971', '972', '973', '974', '976']
    .map((departement) => byPopulation.find((record) => record.departement === departement))
    .filter((record) => record !== undefined);
  return {
    type: 'FeatureCollection',
    features: [...metropole, ...overseas].map((record) => ({
      type: 'Feature',
      properties: { nom: record.nom, population: record.population ?? 0 },
      geometry: { type: 'Point', coordinates: [...(record.centre ?? [0, 0])] },
    })),
  };
}
