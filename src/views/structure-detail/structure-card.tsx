import { useEffect, useRef } from 'react';
import { OUTDATED_AFTER_MONTHS, REPORT_EMAIL } from '../../config';
import { formatPartialDate, isOlderThan, mailtoLink } from '../../domain/dates';
import { ACTIVE_EVIDENCE_FROM_YEAR } from '../../domain/evidence-age';
import { labelOf } from '../../domain/labels';
import { formatDistance } from '../../domain/proximity';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import {
  selectDistanceKm,
  selectInitiativesOf,
  selectSelectedStructure,
  selectStructureWithId,
} from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';
import { evidenceAgeText } from '../evidence-age-text';
import { ExternalLink, InitiativeList, SourceList } from './initiative-list';
import { ShortlistNote, StarButton } from './shortlist-controls';

const NO_INITIATIVES: readonly never[] = [];

/** Puts keyboard focus back on the list row of a structure, when it is rendered. */
function focusListRow(id: string) {
  document.querySelector<HTMLButtonElement>(`.list-item[data-id="${CSS.escape(id)}"]`)?.focus();
}

/**
 * The selected structure's card: every field of the data contract. Values are rendered as text by React (never
 * as HTML), so a name or a description containing markup shows as characters, not as elements.
 */
export function StructureCard() {
  const t = useMessages();
  const structure = useAppStore(selectSelectedStructure);
  const dataset = useAppStore((state) => state.dataset);
  const initiatives = useAppStore((state) =>
    structure === null ? NO_INITIATIVES : selectInitiativesOf(state, structure.id),
  );
  const successor = useAppStore((state) =>
    structure === null || structure.successeur === ''
      ? null
      : selectStructureWithId(state, structure.successeur),
  );
  const place = useAppStore((state) => state.place);
  const distance = useAppStore((state) =>
    structure === null ? null : selectDistanceKm(state, structure.id),
  );
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (structure !== null) heading.current?.focus();
  }, [structure]);

  if (structure === null || dataset === null) return null;
  const { taxonomies, territories } = dataset;
  const language = t.language;
  const region =
    territories.regions.find((entry) => entry.code === structure.region)?.nom ?? structure.region;
  const departement =
    territories.departements.find((entry) => entry.code === structure.departement)?.nom ??
    structure.departement;
  const today = new Date();
  const outdated = isOlderThan(structure.dateVerification, OUTDATED_AFTER_MONTHS, today);
  const age = evidenceAgeText(t, structure.dateVerification, today);
  const report = mailtoLink(
    REPORT_EMAIL,
    t('reportSubject', { id: structure.id }),
    t('reportBody', { id: structure.id, name: structure.nom, url: window.location.href }),
  );
  const close = () => {
    appStore.getState().selectStructure(null);
    requestAnimationFrame(() => focusListRow(structure.id));
  };

  return (
    <article
      className="structure-card"
      aria-labelledby="card-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <header>
        <h2 id="card-title" tabIndex={-1} ref={heading}>
          {structure.nom}
        </h2>
        <StarButton id={structure.id} name={structure.nom} className="card-star" />
        <button type="button" className="close" onClick={close} aria-label={t('close')}>
          ×
        </button>
      </header>
      <ShortlistNote id={structure.id} />
      {structure.description !== '' && <p className="description">{structure.description}</p>}
      <dl>
        <dt>{t('cardType')}</dt>
        <dd>{labelOf(taxonomies.types, structure.type, language)}</dd>
        <dt>{t('cardThemes')}</dt>
        <dd>
          <ul className="tags">
            {structure.themes.map((code) => (
              <li key={code}>{labelOf(taxonomies.themes, code, language)}</li>
            ))}
          </ul>
        </dd>
        {structure.reseaux.length > 0 && (
          <>
            <dt>{t('cardNetworks')}</dt>
            <dd>
              <ul className="tags">
                {structure.reseaux.map((code) => (
                  <li key={code}>{labelOf(taxonomies.networks, code, language)}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {structure.adresse !== '' && (
          <>
            <dt>{t('cardAddress')}</dt>
            <dd>{structure.adresse}</dd>
          </>
        )}
        <dt>{t('cardCommune')}</dt>
        <dd>{[structure.codePostal, structure.commune].filter(Boolean).join(' ')}</dd>
        <dt>{t('cardTerritory')}</dt>
        <dd>
          {[structure.epciNom, `${departement} (${structure.departement})`, region]
            .filter(Boolean)
            .join(' · ')}
          <br />
          <span className="muted">INSEE {structure.codeInsee}</span>
          <span className="territory-links">
            {structure.epci !== null && structure.epci !== '' ? (
              <button
                type="button"
                className="text-link"
                onClick={() =>
                  appStore.getState().openTerritory({ level: 'epci', code: structure.epci ?? '' })
                }
              >
                {t('cardViewEpci')}
              </button>
            ) : null}
            <button
              type="button"
              className="text-link"
              onClick={() =>
                appStore.getState().openTerritory({ level: 'commune', code: structure.codeInsee })
              }
            >
              {t('cardViewCommune')}
            </button>
          </span>
        </dd>
        {place === null || distance === null ? null : (
          <>
            <dt>{t('cardDistance')}</dt>
            <dd>
              {t('cardDistanceValue', { distance: formatDistance(distance, language), place: place.label })}
            </dd>
          </>
        )}
        <dt>{t('cardStatus')}</dt>
        <dd>
          {t(`status_${structure.statut}` as MessageKey)}
          {structure.statut === 'inconnu' && (
            <>
              <br />
              <span className="muted">{t('cardUnknownHint', { year: ACTIVE_EVIDENCE_FROM_YEAR })}</span>
            </>
          )}
          {successor !== null && (
            <p className="successor">
              {t('cardSuccessor')}{' '}
              <button
                type="button"
                className="text-link"
                onClick={() => appStore.getState().selectStructure(successor.id, 'list')}
              >
                {successor.nom}
              </button>
            </p>
          )}
        </dd>
        {structure.siteWeb !== '' && (
          <>
            <dt>{t('cardWebsite')}</dt>
            <dd>
              <ExternalLink href={structure.siteWeb}>
                {structure.siteWeb.replace(/^https?:\/\//, '')}
              </ExternalLink>
            </dd>
          </>
        )}
        {structure.siret !== '' && (
          <>
            <dt>{t('cardSiret')}</dt>
            <dd>{structure.siret}</dd>
          </>
        )}
        <dt>{t('cardSource')}</dt>
        <dd>
          <SourceList source={structure.source} />
        </dd>
        <dt>{t('cardVerified')}</dt>
        <dd>
          <time dateTime={structure.dateVerification}>
            {formatPartialDate(structure.dateVerification, language)}
          </time>
          {age !== '' && ` (${age})`}{' '}
          {outdated && (
            <span className="badge-outdated" title={t('cardOutdatedHint')}>
              {t('cardOutdated')}
            </span>
          )}
        </dd>
        <dt>{t('cardPrecision')}</dt>
        <dd>{t(`precision_${structure.precision}` as MessageKey)}</dd>
        <dt>{t('cardId')}</dt>
        <dd>
          <code>{structure.id}</code>
        </dd>
      </dl>
      {initiatives.length > 0 && (
        <section aria-labelledby="card-initiatives">
          <h3 id="card-initiatives">{t('cardInitiatives')}</h3>
          <InitiativeList initiatives={initiatives} categories={taxonomies.initiativeCategories} />
        </section>
      )}
      <p>
        <a href={report} className="report-link">
          {t('cardReport')}
        </a>
      </p>
    </article>
  );
}
