import { useEffect, useRef, useState } from 'react';
import { DATA_URL } from '../../config';
import type { QualityReport, SplitCount } from '../../domain/quality';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { type QualityMessageKey, translateQuality } from '../../i18n/quality-messages';
import { loadQuality } from '../../loaders/load-quality';

type Load =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | { state: 'ready'; report: QualityReport };

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

function percent(part: number, total: number, locale: string): string {
  return total === 0
    ? '–'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / total);
}

/**
 * The "Qualité des données" page, as a modal dialog loaded on demand (its code and `quality.json` are fetched
 * when it opens). Focus goes to its title on open and stays inside it; Escape or the close button closes it, and
 * the caller puts focus back on the button that opened it.
 */
export function QualityDialog({ onClose }: { onClose(): void }) {
  const t = useMessages();
  const q = (key: QualityMessageKey, values?: Record<string, string | number>) =>
    translateQuality(t.language, key, values);
  const locale = t.language === 'fr' ? 'fr-FR' : 'en-GB';
  const number = (value: number) => value.toLocaleString(locale);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    let cancelled = false;
    void loadQuality(DATA_URL).then((result) => {
      if (cancelled) return;
      setLoad(result.ok ? { state: 'ready', report: result.value } : { state: 'error', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || dialog.current === null) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === heading.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const splitRows = (rows: readonly (SplitCount & { label: string })[], total: SplitCount) =>
    rows.map((row) => (
      <tr key={row.label}>
        <th scope="row">{row.label}</th>
        <td>
          {number(row.curated)} <span className="muted">({percent(row.curated, total.curated, locale)})</span>
        </td>
        <td>
          {number(row.imported)}{' '}
          <span className="muted">({percent(row.imported, total.imported, locale)})</span>
        </td>
      </tr>
    ));
  const splitHead = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{q('qualityCurated')}</th>
        <th scope="col">{q('qualityImported')}</th>
      </tr>
    </thead>
  );

  return (
    <div className="quality-backdrop">
      <div
        className="quality-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="quality-title"
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <header>
          <h2 id="quality-title" tabIndex={-1} ref={heading}>
            {q('qualityTitle')}
          </h2>
          <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        {load.state === 'loading' && <p role="status">{q('qualityLoading')}</p>}
        {load.state === 'error' && (
          <p role="alert">
            {q('qualityError')} <span className="muted">{load.error}</span>
          </p>
        )}
        {load.state === 'ready' && (
          <div className="quality-body">
            <p>
              {q('qualityIntro', {
                total: number(load.report.totals.curated + load.report.totals.imported),
                curated: number(load.report.totals.curated),
                imported: number(load.report.totals.imported),
              })}
            </p>
            <table>
              <caption>{q('qualityProgrammes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{q('qualityProgramme')}</th>
                  <th scope="col">{q('qualityOfficial')}</th>
                  <th scope="col">{q('qualityPlaced')}</th>
                  <th scope="col">{q('qualityShare')}</th>
                </tr>
              </thead>
              <tbody>
                {load.report.programmes.map((programme) => (
                  <tr key={programme.code}>
                    <th scope="row">{t.language === 'fr' ? programme.labelFr : programme.labelEn}</th>
                    <td>{number(programme.official)}</td>
                    <td>{number(programme.placed)}</td>
                    <td>{percent(programme.placed, programme.official, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {load.report.programmes.every((programme) => programme.official === 0) && (
              <p className="muted">{q('qualityNoOfficial')}</p>
            )}
            {load.report.programmes
              .filter((programme) => programme.notPlaced.length > 0)
              .map((programme) => (
                <section key={programme.code} aria-labelledby={`quality-missing-${programme.code}`}>
                  <h3 id={`quality-missing-${programme.code}`}>
                    {q('qualityNotPlaced', {
                      programme: t.language === 'fr' ? programme.labelFr : programme.labelEn,
                    })}
                  </h3>
                  <ul>
                    {programme.notPlaced.map((member) => (
                      <li key={member.nom}>
                        {member.nom} <span className="muted">— {member.raison}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            <table>
              <caption>{q('qualityStatuses')}</caption>
              {splitHead(q('qualityStatus'))}
              <tbody>
                {splitRows(
                  load.report.statuses.map((row) => ({
                    ...row,
                    label: t(`status_${row.statut}` as MessageKey),
                  })),
                  load.report.totals,
                )}
              </tbody>
            </table>
            <table>
              <caption>{q('qualityYears')}</caption>
              {splitHead(q('qualityYear'))}
              <tbody>
                {splitRows(
                  load.report.evidenceYears.map((row) => ({ ...row, label: row.year })),
                  load.report.totals,
                )}
              </tbody>
            </table>
            <table>
              <caption>{q('qualityCompleteness')}</caption>
              {splitHead(q('qualityField'))}
              <tbody>
                {splitRows(
                  load.report.completeness.map((row) => ({
                    ...row,
                    label: q(`field_${row.field}` as QualityMessageKey),
                  })),
                  load.report.totals,
                )}
              </tbody>
            </table>
            {load.report.duplicates !== undefined && (
              <table>
                <caption>{q('qualityDuplicates')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{q('qualityKind')}</th>
                    <th scope="col">{q('qualityCount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['suspected', 'merged', 'distinct', 'unresolved'] as const).map((kind) => (
                    <tr key={kind}>
                      <th scope="row">{q(`duplicates_${kind}`)}</th>
                      <td>{number(load.report.duplicates?.[kind] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
