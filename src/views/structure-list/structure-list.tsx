import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef } from 'react';
import { highlightSegments } from '../../domain/highlight';
import { labelOf } from '../../domain/labels';
import { formatDistance } from '../../domain/proximity';
import { useMessages } from '../../hooks/use-messages';
import {
  selectDistanceOf,
  selectListStructures,
  selectNearestOutsideRadius,
  selectSearchResult,
  selectTypes,
} from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';
import type { ListSort } from '../../state/url';
import { evidenceAgeText } from '../evidence-age-text';
import { StarButton } from '../structure-detail/shortlist-controls';
import { PrintList } from './print-list';

const ROW_HEIGHT = 52;
const NO_TERMS: readonly string[] = [];

/** A name with the words the search matched in <mark>, rendered as text. */
function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) =>
        segment.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one string have no other identity
          <mark key={index}>{segment.text}</mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

/**
 * The filtered structures as a virtualised, keyboard-reachable list (RGAA: everything on the map is also here).
 * Tab reaches the list; arrow keys, Home and End move between rows; Enter opens a structure's card.
 */
export function StructureList() {
  const t = useMessages();
  const sortId = useId();
  const structures = useAppStore(selectListStructures);
  const types = useAppStore(selectTypes);
  const terms = useAppStore((state) => selectSearchResult(state)?.terms ?? NO_TERMS);
  const selectedId = useAppStore((state) => state.selectedId);
  const sort = useAppStore((state) => state.sort);
  const onlyInView = useAppStore((state) => state.onlyInView);
  const shortlistOnly = useAppStore((state) => state.shortlistOnly);
  const shortlistCount = useAppStore((state) => state.shortlist.ids.length);
  const hasPlace = useAppStore((state) => state.place !== null);
  const radiusKm = useAppStore((state) => state.radiusKm);
  const nearestOutside = useAppStore(selectNearestOutsideRadius);
  const distanceOf = useAppStore(selectDistanceOf);
  const scroller = useRef<HTMLDivElement>(null);
  const today = new Date();
  const virtualizer = useVirtualizer({
    count: structures.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 360, height: 600 },
  });

  const selectedIndex =
    selectedId === null ? -1 : structures.findIndex((structure) => structure.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(structures.length - 1, index));
    const row = () => scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${target}"] button`);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const rendered = row();
    if (rendered) rendered.focus();
    else requestAnimationFrame(() => row()?.focus());
  }

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: structures.length - 1,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  }

  return (
    <section className="structure-list" aria-labelledby="list-title">
      <div className="list-header">
        <h2 id="list-title">{t('listTitle')}</h2>
        <label htmlFor={sortId} className="list-sort">
          {t('listSort')}{' '}
          <select
            id={sortId}
            value={sort}
            onChange={(event) => appStore.getState().setSort(event.target.value as ListSort)}
          >
            <option value="nom">{t('sort_nom')}</option>
            <option value="commune">{t('sort_commune')}</option>
            <option value="type">{t('sort_type')}</option>
            {hasPlace ? <option value="distance">{t('sort_distance')}</option> : null}
          </select>
        </label>
      </div>
      <PrintList />
      <label className="only-in-view">
        <input
          type="checkbox"
          checked={onlyInView}
          onChange={(event) => appStore.getState().setOnlyInView(event.target.checked)}
        />
        {t('onlyInView')}
      </label>
      {shortlistCount > 0 || shortlistOnly ? (
        <label className="only-in-view">
          <input
            type="checkbox"
            checked={shortlistOnly}
            onChange={(event) => appStore.getState().setShortlistOnly(event.target.checked)}
          />
          {t('shortlistOnly', { count: shortlistCount })}
        </label>
      ) : null}
      {structures.length === 0 && nearestOutside.length > 0 ? (
        <div className="list-empty">
          <p>{t('nothingInRadius', { radius: radiusKm })}</p>
          <ul className="nearest-list">
            {nearestOutside.map((structure) => (
              <li key={structure.id}>
                <button
                  type="button"
                  className="list-item"
                  data-id={structure.id}
                  onClick={() => appStore.getState().selectStructure(structure.id, 'list')}
                >
                  <span className="list-name">{structure.nom}</span>
                  <span className="list-meta">
                    {labelOf(types, structure.type, t.language)} · {structure.commune} ·{' '}
                    {formatDistance(distanceOf?.(structure.id) ?? 0, t.language)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : structures.length === 0 ? (
        <p className="list-empty">{t('listEmpty')}</p>
      ) : (
        <div className="list-scroller" ref={scroller}>
          <ul style={{ height: virtualizer.getTotalSize() }} aria-label={t('listTitle')}>
            {virtualizer.getVirtualItems().map((item) => {
              const structure = structures[item.index];
              if (structure === undefined) return null;
              return (
                <li
                  key={structure.id}
                  data-index={item.index}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  aria-setsize={structures.length}
                  aria-posinset={item.index + 1}
                >
                  <button
                    type="button"
                    className="list-item"
                    data-id={structure.id}
                    aria-current={structure.id === selectedId ? 'true' : undefined}
                    onClick={() => appStore.getState().selectStructure(structure.id, 'list')}
                    onKeyDown={(event) => onKeyDown(event, item.index)}
                  >
                    <span className="list-name">
                      <Highlighted text={structure.nom} terms={terms} />
                    </span>
                    <span className="list-meta">
                      {hasPlace ? (
                        <span className="list-distance">
                          {formatDistance(distanceOf?.(structure.id) ?? 0, t.language)} ·{' '}
                        </span>
                      ) : null}
                      {labelOf(types, structure.type, t.language)} · {structure.commune} ·{' '}
                      {t('listVerified', {
                        year: structure.dateVerification.slice(0, 4),
                        age: evidenceAgeText(t, structure.dateVerification, today),
                      })}
                    </span>
                  </button>
                  <StarButton id={structure.id} name={structure.nom} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
