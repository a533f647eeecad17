import { lazy } from 'react';
import { DialogEntry } from './dialog-entry';

const QualityDialog = lazy(() =>
  import('../quality/quality-dialog').then((module) => ({ default: module.QualityDialog })),
);

/** The header's "Qualité des données" button and the page it opens (loaded on the first click). */
export function QualityEntry() {
  return <DialogEntry label="qualityLink" Dialog={QualityDialog} />;
}
