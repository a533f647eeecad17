import { formatPartialDate, splitSources } from '../../domain/dates';
import { labelOf } from '../../domain/labels';
import { isHttpUrl } from '../../domain/links';
import type { TaxonomyEntry } from '../../domain/types';
import { useMessages } from '../../hooks/use-messages';
import type { Initiative } from '../../loaders/load-dataset';

/**
 * Opens a link in a new tab without giving the target page a handle on ours. Only an http(s) URL becomes an
 * `href` (the loader already drops the others; this is the last line): anything else shows as text.
 */
export function ExternalLink({ href, children }: { href: string; children: string }) {
  if (!isHttpUrl(href)) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** A `source` cell: links for URLs (with their note), text for document references. */
export function SourceList({ source }: { source: string }) {
  return (
    <ul className="sources">
      {splitSources(source).map((part) => (
        <li key={part.text}>
          {part.url === null ? (
            part.text
          ) : (
            <>
              <ExternalLink href={part.url}>{part.url}</ExternalLink>
              {part.note !== '' && ` ${part.note}`}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The dates of an initiative, as precise as its source. */
export function InitiativeDates({ initiative }: { initiative: Initiative }) {
  const t = useMessages();
  const start = formatPartialDate(initiative.dateDebut, t.language);
  const end = formatPartialDate(initiative.dateFin, t.language);
  if (initiative.dateDebut === '') return null;
  return (
    <>{initiative.dateFin === '' ? t('initiativeFrom', { start }) : t('initiativeRange', { start, end })}</>
  );
}

/** Covid-19 initiatives, each with its category, dates, description and source. */
export function InitiativeList({
  initiatives,
  categories,
}: {
  initiatives: readonly Initiative[];
  categories: readonly TaxonomyEntry[];
}) {
  const t = useMessages();
  return (
    <ul className="initiatives">
      {initiatives.map((initiative) => (
        <li key={initiative.id}>
          <p className="initiative-name">{initiative.nom}</p>
          <p className="muted">
            {labelOf(categories, initiative.categorie, t.language)}
            {initiative.dateDebut !== '' && ' · '}
            <InitiativeDates initiative={initiative} />
          </p>
          {initiative.description !== '' && <p>{initiative.description}</p>}
          {initiative.siteWeb !== '' && (
            <p>
              <ExternalLink href={initiative.siteWeb}>
                {initiative.siteWeb.replace(/^https?:\/\//, '')}
              </ExternalLink>
            </p>
          )}
          <details>
            <summary>{t('cardSource')}</summary>
            <SourceList source={initiative.source} />
          </details>
        </li>
      ))}
    </ul>
  );
}
