import { useMemo } from 'react';
import { labelOf } from '../../domain/taxonomy';
import { useMessages } from '../../hooks/use-messages';
import { selectStructures, selectTypes } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Every structure on the map, as a keyboard-reachable list (RGAA: the map's content is also available as text).
 * Choosing one selects it, which opens its card and brings it into view on the map.
 */
export function StructureList() {
  const t = useMessages();
  const structures = useAppStore(selectStructures);
  const types = useAppStore(selectTypes);
  const selectedId = useAppStore((state) => state.selectedId);
  const sorted = useMemo(
    () => [...structures].sort((left, right) => collator.compare(left.nom, right.nom)),
    [structures],
  );
  return (
    <section className="structure-list" aria-labelledby="list-title">
      <h2 id="list-title">
        {t('listTitle')} <span className="count">{t('listCount', { count: structures.length })}</span>
      </h2>
      <ul>
        {sorted.map((structure) => (
          <li key={structure.id}>
            <button
              type="button"
              className="list-item"
              aria-current={structure.id === selectedId ? 'true' : undefined}
              onClick={() => appStore.getState().selectStructure(structure.id, 'list')}
            >
              <span className="list-name">{structure.nom}</span>
              <span className="list-meta">
                {labelOf(types, structure.type, t.language)} · {structure.commune}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
