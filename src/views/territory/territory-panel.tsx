import { useEffect, useId, useRef } from 'react';
import type { TerritoryRef } from '../../domain/territory';
import type { Figure } from '../../domain/territory-stats';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { selectListStructures, selectTerritoryInfo } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';
import { selectTerritoryCoverage, selectTerritoryPanel } from '../../state/territory-selectors';

const PEERS_SHOWN = 10;

function open(ref: TerritoryRef): void {
  appStore.getState().openTerritory(ref);
}

/**
 * The territory view's panel: name, population and parents; counts by type against the parent levels and France,
 * per 100,000 inhabitants; themes; Covid initiatives run there; the same level in the same parent, ranked. Every
 * figure follows the active filters. Plain tables, so screen readers and the printed sheet get the same figures.
 */
export function TerritoryPanel() {
  const t = useMessages();
  const headingId = useId();
  const territory = useAppStore((state) => state.filter.territory ?? null);
  const indexStatus = useAppStore((state) => state.placeIndexStatus);
  const outlineStatus = useAppStore((state) => state.territoryOutline?.status ?? null);
  const info = useAppStore(selectTerritoryInfo);
  const panel = useAppStore(selectTerritoryPanel);
  const types = useAppStore((state) => state.dataset?.taxonomies.types);
  const themes = useAppStore((state) => state.dataset?.taxonomies.themes);
  const embed = useAppStore((state) => state.embed);
  if (territory === null) return null;
  const locale = t.language === 'fr' ? 'fr-FR' : 'en-GB';
  const number = (value: number) => value.toLocaleString(locale);
  const rate = (value: number | null) =>
    value === null
      ? '—'
      : value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const cell = (figure: Figure) => (
    <>
      {number(figure.count)}
      <span className="territory-rate">{rate(figure.perCapita)}</span>
    </>
  );
  const label = (list: typeof types, code: string | null) => {
    if (code === null) return t('territoryAllTypes');
    const entry = list?.find((item) => item.code === code);
    return entry === undefined ? code : t.language === 'fr' ? entry.labelFr : entry.labelEn;
  };
  const level = (ref: TerritoryRef) => t(`kind_${ref.level}` as MessageKey);
  const close = embed ? null : (
    <button
      type="button"
      className="territory-close"
      aria-label={t('territoryClose')}
      onClick={() => appStore.getState().openTerritory(null)}
    >
      ×
    </button>
  );

  if (info === null || panel === null) {
    const unknown = indexStatus === 'ready' || indexStatus === 'error';
    return (
      <section className="territory-panel" aria-labelledby={headingId}>
        <header className="territory-header">
          <h2 id={headingId}>{t('territoryHeading')}</h2>
          {close}
        </header>
        <p role="status">
          {unknown
            ? t('territoryUnknown', { code: `${territory.level}:${territory.code}` })
            : t('territoryLoading')}
        </p>
      </section>
    );
  }

  const [all] = panel.rows;
  const typeRows = panel.rows
    .slice(1)
    .filter((row) => row.territory.count > 0 || row.parents.some((p) => p.count > 0));
  const ranked = panel.peers.slice(0, PEERS_SHOWN);
  const self = panel.peers.find((peer) => peer.ref.code === info.ref.code);
  if (self !== undefined && !ranked.includes(self)) ranked.push(self);
  return (
    <section className="territory-panel" aria-labelledby={headingId}>
      <header className="territory-header">
        <div>
          <p className="territory-level">{level(info.ref)}</p>
          <h2 id={headingId}>{info.name}</h2>
          <p className="territory-population">
            {t('territoryPopulation', { population: number(info.population) })}
          </p>
        </div>
        <div className="territory-actions">
          <button
            type="button"
            className="territory-print"
            onClick={() => appStore.getState().requestSheet()}
          >
            {t('territoryPrint')}
          </button>
          <button
            type="button"
            className="territory-print"
            onClick={() =>
              void import('./figures-download').then(({ downloadFigures, territoryFigureRows }) =>
                downloadFigures(territoryFigureRows(panel, appStore.getState().filter.type), [info.name]),
              )
            }
          >
            {t('territoryExport')}
          </button>
          {close}
        </div>
      </header>
      {panel.columns.length > 1 ? (
        <p className="territory-parents">
          {t('territoryIn')}
          {panel.columns
            .filter((column) => column.ref !== null)
            .map((column, position) => (
              <span key={`${column.ref?.level}:${column.ref?.code}`}>
                {position > 0 ? ' › ' : ''}
                <button type="button" className="text-link" onClick={() => column.ref && open(column.ref)}>
                  {column.name}
                </button>
              </span>
            ))}
        </p>
      ) : null}
      {outlineStatus === 'error' ? <p className="territory-notice">{t('territoryOutlineMissing')}</p> : null}
      {all !== undefined ? (
        <p className="territory-summary" data-testid="territory-summary">
          {t('territorySummary', { count: number(all.territory.count), rate: rate(all.territory.perCapita) })}
        </p>
      ) : null}
      <SheetPicture name={info.name} />
      <div className="territory-section">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1) */}
        <section className="table-scroll" aria-label={t('territoryTableCaption')} tabIndex={0}>
          <table className="territory-table">
            <caption>{t('territoryTableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="cell-start">
                  {t('facet_type')}
                </th>
                <th scope="col">{info.name}</th>
                {panel.columns.map((column) => (
                  <th
                    scope="col"
                    key={column.ref === null ? 'france' : `${column.ref.level}:${column.ref.code}`}
                  >
                    {column.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...(all === undefined ? [] : [all]), ...typeRows].map((row) => (
                <tr key={row.code ?? 'all'} data-type={row.code ?? 'all'}>
                  <th scope="row" className="cell-start">
                    {label(types, row.code)}
                  </th>
                  <td>{cell(row.territory)}</td>
                  {row.parents.map((figure, position) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for a territory
                    <td key={position}>{cell(figure)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="territory-section">
        {panel.peers.length > 1 ? (
          <>
            <h3>
              {panel.peersParent === null
                ? t('territoryPeersAll')
                : t('territoryPeers', { parent: panel.peersParent.name })}
            </h3>
            <table className="territory-peers">
              <caption>{t('territoryPeersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('territoryRank')}</th>
                  <th scope="col" className="cell-start">
                    {t('territoryName')}
                  </th>
                  <th scope="col">{t('territoryCount')}</th>
                  <th scope="col">{t('territoryRate')}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((peer) => {
                  const current = peer.ref.code === info.ref.code;
                  return (
                    <tr key={peer.ref.code} aria-current={current ? 'true' : undefined}>
                      <td>{peer.rank}</td>
                      <th scope="row" className="cell-start">
                        {current ? (
                          peer.name
                        ) : (
                          <button type="button" className="text-link" onClick={() => open(peer.ref)}>
                            {peer.name}
                          </button>
                        )}
                      </th>
                      <td>{number(peer.count)}</td>
                      <td>{rate(peer.perCapita)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
      <div className="territory-section">
        {panel.themes.length > 0 ? (
          <>
            <h3>{t('territoryThemes')}</h3>
            <ul className="territory-themes">
              {panel.themes.slice(0, 8).map((theme) => (
                <li key={theme.code}>
                  {label(themes, theme.code)}
                  {t.language === 'fr' ? ' : ' : ': '}
                  {number(theme.count)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t('territoryInitiatives')}</h3>
        {panel.initiatives.length === 0 ? (
          <p>{t('territoryNoInitiatives')}</p>
        ) : (
          <ul className="territory-initiatives">
            {panel.initiatives.map((initiative) => (
              <li key={initiative.id}>
                <button
                  type="button"
                  className="text-link"
                  onClick={() => appStore.getState().selectInitiative(initiative.id)}
                >
                  {initiative.nom}
                </button>
              </li>
            ))}
          </ul>
        )}
        <CoverageSection />
      </div>
      <p className="territory-note">{t('territoryNote')}</p>
      <SheetList />
    </section>
  );
}

/** The share of the territory's inhabitants far from any matching structure, and where they are. */
function CoverageSection() {
  const t = useMessages();
  const coverage = useAppStore(selectTerritoryCoverage);
  const places = useAppStore((state) => state.placeIndex);
  if (coverage === null) return null;
  const locale = t.language === 'fr' ? 'fr-FR' : 'en-GB';
  const name = (code: string) =>
    places?.entries.find((entry) => entry.kind === 'epci' && entry.code === code)?.name ?? code;
  return (
    <>
      <h3>{t('coverageHeading')}</h3>
      {coverage === 'loading' ? (
        <p role="status">{t('coverageLoading')}</p>
      ) : (
        <>
          <table className="territory-peers" data-testid="coverage-table">
            <caption>{t('coverageCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="cell-start">
                  {t('coverageDistanceHeader')}
                </th>
                <th scope="col">{t('coveragePeople')}</th>
                <th scope="col">{t('coverageShare')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.beyond.map((entry) => (
                <tr key={entry.km}>
                  <th scope="row" className="cell-start">
                    {t('coverageDistance', { km: entry.km })}
                  </th>
                  <td>{entry.population.toLocaleString(locale)}</td>
                  <td>
                    {entry.share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {coverage.epci.length > 1 ? (
            <>
              <h3>{t('coverageEpci')}</h3>
              <ol className="territory-themes">
                {coverage.epci.map((entry) => (
                  <li key={entry.code}>
                    <button
                      type="button"
                      className="text-link"
                      onClick={() => appStore.getState().openTerritory({ level: 'epci', code: entry.code })}
                    >
                      {name(entry.code)}
                    </button>{' '}
                    ({entry.population.toLocaleString(locale)})
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </>
      )}
    </>
  );
}

const SHEET_ROWS = 40;

/** The host of a row's first source, short enough for the sheet (the export has the full URLs). */
function sourceHost(source: string): string {
  const first = source.split(' | ')[0] ?? '';
  try {
    const url = new URL(first);
    return url.host === 'github.com' ? `${url.host}${url.pathname}` : url.host;
  } catch {
    return first;
  }
}

/**
 * The map as it is, for the printed sheet only: a picture taken when "Imprimer la fiche" is pressed. Printing
 * starts once it is decoded (at once when no picture could be taken).
 */
function SheetPicture({ name }: { name: string }) {
  const t = useMessages();
  const picture = useAppStore((state) => state.sheetPicture);
  const request = useAppStore((state) => state.sheetTaken);
  const printed = useRef(0);
  const image = useRef<HTMLImageElement>(null);
  useEffect(
    function printOnceReady() {
      if (request === 0 || request === printed.current) return;
      const element = image.current;
      if (picture !== null && element === null) return;
      printed.current = request;
      if (element === null) {
        window.print();
        return;
      }
      void element
        .decode()
        .catch(() => undefined)
        .then(() => window.print());
    },
    [picture, request],
  );
  if (picture === null) return null;
  return (
    <img ref={image} className="sheet-only sheet-map" src={picture} alt={t('territorySheetMap', { name })} />
  );
}

/** The structures of the sheet, with the host of their source (the CSV export has everything). */
function SheetList() {
  const t = useMessages();
  const structures = useAppStore(selectListStructures);
  const shown = structures.slice(0, SHEET_ROWS);
  return (
    <div className="sheet-only sheet-structures">
      <h3>{t('territorySheetList')}</h3>
      <ol className="sheet-list">
        {shown.map((structure) => (
          <li key={structure.id}>
            <strong>{structure.nom}</strong> — {structure.commune}. {t('cardSource')} :{' '}
            {sourceHost(structure.source)}
          </li>
        ))}
      </ol>
      {structures.length > shown.length ? (
        <p>{t('territorySheetMore', { count: structures.length - shown.length })}</p>
      ) : null}
    </div>
  );
}
