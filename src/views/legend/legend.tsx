import { useMemo } from 'react';
import { useMessages } from '../../hooks/use-messages';
import { selectStructures, selectTypes } from '../../state/selectors';
import { useAppStore } from '../../state/store';

/** The colour key of the map: one swatch per structure type, with how many structures of that type exist. */
export function Legend() {
  const t = useMessages();
  const types = useAppStore(selectTypes);
  const structures = useAppStore(selectStructures);
  const counts = useMemo(() => {
    const result = new Map<string, number>();
    for (const structure of structures) result.set(structure.type, (result.get(structure.type) ?? 0) + 1);
    return result;
  }, [structures]);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legendTitle')}</h2>
      <ul>
        {types
          .filter((type) => (counts.get(type.code) ?? 0) > 0)
          .map((type) => (
            <li key={type.code}>
              <span className="swatch" style={{ backgroundColor: type.color }} aria-hidden="true" />
              <span className="legend-label">{t.language === 'fr' ? type.labelFr : type.labelEn}</span>
              <span className="legend-count">{counts.get(type.code) ?? 0}</span>
            </li>
          ))}
      </ul>
    </section>
  );
}
