import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { labelOf } from '../../domain/labels';
import { useMessages } from '../../hooks/use-messages';
import { selectListStructures, selectTypes } from '../../state/selectors';
import { useAppStore } from '../../state/store';

const PRINTED_ROWS = 500;

/**
 * The whole filtered list for paper: the screen list is virtualised (only the visible rows exist), so this one is
 * rendered only while the browser prints, synchronously in `beforeprint`, with each structure's commune, type and
 * first source.
 */
export function PrintList() {
  const t = useMessages();
  const [printing, setPrinting] = useState(false);
  const structures = useAppStore(selectListStructures);
  const types = useAppStore(selectTypes);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  if (!printing) return null;
  const shown = structures.slice(0, PRINTED_ROWS);
  return (
    <ol className="print-list">
      {shown.map((structure) => (
        <li key={structure.id}>
          <strong>{structure.nom}</strong> — {labelOf(types, structure.type, t.language)}, {structure.commune}
          . {structure.siteWeb} {t('cardSource')} : {structure.source.split(' | ')[0]}
        </li>
      ))}
      {structures.length > shown.length ? (
        <li>{t('territorySheetMore', { count: structures.length - shown.length })}</li>
      ) : null}
    </ol>
  );
}
