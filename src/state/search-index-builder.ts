import type { SearchIndex } from '../domain/search';
import { createSearchIndex } from '../domain/search-index';
import type { Dataset } from '../loaders/load-dataset';

/** The full-text index of a dataset: names, descriptions, communes, and theme and network labels in both languages. */
export function createDatasetSearchIndex(dataset: Dataset): SearchIndex {
  return createSearchIndex(
    dataset.structures.map((structure) => ({
      id: structure.id,
      nom: structure.nom,
      description: structure.description,
      commune: structure.commune,
      labels: searchLabels(dataset, structure.themes, structure.reseaux),
    })),
  );
}

function searchLabels(dataset: Dataset, themes: readonly string[], networks: readonly string[]): string {
  const label = (entries: Dataset['taxonomies']['themes'], code: string) => {
    const entry = entries.find((candidate) => candidate.code === code);
    return entry === undefined ? code : `${entry.labelFr} ${entry.labelEn}`;
  };
  return [
    ...themes.map((code) => label(dataset.taxonomies.themes, code)),
    ...networks.map((code) => label(dataset.taxonomies.networks, code)),
  ].join(' ');
}
