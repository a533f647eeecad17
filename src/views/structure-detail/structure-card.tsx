import { useEffect, useRef } from 'react';
import { formatPartialDate, splitSources } from '../../domain/dates';
import { labelOf } from '../../domain/taxonomy';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { selectSelectedStructure } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';

/** Opens a link in a new tab without giving the target page a handle on ours. */
function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/**
 * The selected structure's card. Every value is rendered as text by React (never as HTML), so a name or a
 * description containing markup shows as characters, not as elements.
 */
export function StructureCard() {
  const t = useMessages();
  const structure = useAppStore(selectSelectedStructure);
  const dataset = useAppStore((state) => state.dataset);
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

  return (
    <article className="structure-card" aria-labelledby="card-title">
      <header>
        <h2 id="card-title" tabIndex={-1} ref={heading}>
          {structure.nom}
        </h2>
        <button
          type="button"
          className="close"
          onClick={() => appStore.getState().selectStructure(null)}
          aria-label={t('close')}
        >
          ×
        </button>
      </header>
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
        </dd>
        <dt>{t('cardStatus')}</dt>
        <dd>{t(`status_${structure.statut}` as MessageKey)}</dd>
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
        <dt>{t('cardSource')}</dt>
        <dd>
          <ul className="sources">
            {splitSources(structure.source).map((source) => (
              <li key={source.text}>
                {source.url === null ? (
                  source.text
                ) : (
                  <>
                    <ExternalLink href={source.url}>{source.url}</ExternalLink>
                    {source.note !== '' && ` ${source.note}`}
                  </>
                )}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('cardVerified')}</dt>
        <dd>{formatPartialDate(structure.dateVerification, language)}</dd>
        <dt>{t('cardPrecision')}</dt>
        <dd>{t(`precision_${structure.precision}` as MessageKey)}</dd>
        <dt>{t('cardId')}</dt>
        <dd>
          <code>{structure.id}</code>
        </dd>
      </dl>
    </article>
  );
}
