import { lazy } from 'react';
import { DialogEntry } from './dialog-entry';

const DataSourcesDialog = lazy(() =>
  import('../about/data-sources-dialog').then((module) => ({ default: module.DataSourcesDialog })),
);

/** The header's "Données et sources" button and the page it opens (loaded on the first click). */
export function DataSourcesEntry() {
  return <DialogEntry label="dataTitle" Dialog={DataSourcesDialog} />;
}
