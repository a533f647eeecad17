import { useState } from 'react';
import { type ChoroplethView, measureOf } from '../../domain/choropleth';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { appStore, useAppStore } from '../../state/store';

type SortKey = 'name' | 'count' | 'population' | 'rate';

/**
 * The choropleth's legend and its table: the same figures as the map, sortable, each area opening its territory
 * view — the keyboard and screen-reader equivalent of hovering the map.
 */
export function ChoroplethDetails() {
  const t = useMessages();
  const view = useAppStore((state) => state.choroplethView);
  const measure = useAppStore((state) => state.choroplethMeasure);
  const locale = t.language === 'fr' ? 'fr-FR' : 'en-GB';
  const format = (value: number) =>
    value.toLocaleString(locale, { maximumFractionDigits: measure === 'rate' ? 1 : 0 });
  return (
    <>
      {view === null ? (
        <p role="status">{t('territoryLoading')}</p>
      ) : (
        <>
          <ul className="choropleth-legend" aria-label={t('choroplethLegend')}>
            {view.breaks.map((upper, position) => {
              const lower = position === 0 ? Math.min(...valuesOf(view)) : (view.breaks[position - 1] ?? 0);
              return (
                <li key={upper}>
                  <span
                    className="swatch"
                    style={{ background: view.colours[position] }}
                    aria-hidden="true"
                  />
                  {position === 0 ? format(lower) : `> ${format(lower)}`} – {format(upper)}
                </li>
              );
            })}
          </ul>
          <ChoroplethTable view={view} />
        </>
      )}
    </>
  );
}

function valuesOf(view: ChoroplethView): number[] {
  return view.figures
    .map((figure) => measureOf(figure, view.measure))
    .filter((value): value is number => value !== null);
}

function ChoroplethTable({ view }: { view: ChoroplethView }) {
  const t = useMessages();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'rate', descending: true });
  const locale = t.language === 'fr' ? 'fr-FR' : 'en-GB';
  const rows = [...view.figures].sort((left, right) => {
    const value = (figure: typeof left) =>
      sort.key === 'name' ? 0 : sort.key === 'rate' ? (figure.rate ?? -1) : figure[sort.key];
    const order =
      sort.key === 'name'
        ? left.name.localeCompare(right.name, 'fr')
        : value(left) - value(right) || left.name.localeCompare(right.name, 'fr');
    return sort.descending ? -order : order;
  });
  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      className={key === 'name' ? 'cell-start' : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() =>
          setSort((current) => ({
            key,
            descending: current.key === key ? !current.descending : key !== 'name',
          }))
        }
      >
        {label}
      </button>
    </th>
  );
  return (
    <details className="choropleth-table">
      <summary>{t('choroplethTable', { count: view.figures.length })}</summary>
      <button
        type="button"
        className="territory-print"
        onClick={() =>
          void import('../territory/figures-download').then(({ choroplethFigureRows, downloadFigures }) =>
            downloadFigures(choroplethFigureRows(view, appStore.getState().filter.type), [
              t(`choropleth_${view.level}` as MessageKey),
            ]),
          )
        }
      >
        {t('territoryExport')}
      </button>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="choropleth-table-scroll" aria-label={t('choroplethCaption')} tabIndex={0}>
        <table className="territory-peers" data-testid="choropleth-table">
          <caption>{t('choroplethCaption')}</caption>
          <thead>
            <tr>
              {header('name', t('territoryName'))}
              {header('count', t('territoryCount'))}
              {header('population', t('coveragePeople'))}
              {header('rate', t('territoryRate'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((figure) => (
              <tr key={figure.code} data-code={figure.code}>
                <th scope="row" className="cell-start">
                  <span
                    className="swatch"
                    style={{ background: view.colourOf.get(figure.code) ?? 'transparent' }}
                    aria-hidden="true"
                  />
                  <button
                    type="button"
                    className="text-link"
                    onClick={() =>
                      appStore.getState().openTerritory({ level: view.level, code: figure.code })
                    }
                  >
                    {figure.name}
                  </button>
                </th>
                <td>{figure.count.toLocaleString(locale)}</td>
                <td>{figure.population.toLocaleString(locale)}</td>
                <td>
                  {figure.rate === null
                    ? '—'
                    : figure.rate.toLocaleString(locale, {
                        minimumFractionDigits: 1,
                        maximumFractionDigits: 1,
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}
