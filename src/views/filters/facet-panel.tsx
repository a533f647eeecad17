import { useMemo } from 'react';
import { ACTIVE_EVIDENCE_FROM_YEAR } from '../../domain/evidence-age';
import type { Facet } from '../../domain/filter';
import type { TaxonomyEntry } from '../../domain/types';
import { useMessages } from '../../hooks/use-messages';
import { type MessageKey, translate } from '../../i18n/messages';
import { selectFilterResult, selectStructures } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';

type Option = { readonly value: string; readonly label: string; readonly swatch?: string };

/**
 * One facet: a group of checkboxes with live counts. Values with no result stay visible, dimmed, and can still be
 * chosen (OR inside a facet, AND across facets). The type facet doubles as the map legend and layer toggle.
 */
function FacetGroup({
  facet,
  options,
  hint,
  open = true,
  groups,
  children,
}: {
  facet: Facet;
  options: readonly Option[];
  hint?: string;
  open?: boolean;
  groups?: readonly { title: string; values: ReadonlySet<string> }[];
  children?: React.ReactNode;
}) {
  const t = useMessages();
  const selected = useAppStore((state) => state.filter[facet]);
  const counts = useAppStore((state) => selectFilterResult(state)?.counts[facet]);
  const title = t(`facet_${facet}` as MessageKey);
  const renderOption = (option: Option) => {
    const count = counts?.get(option.value) ?? 0;
    const checked = selected.includes(option.value);
    return (
      <li key={option.value} className={count === 0 && !checked ? 'facet-value empty' : 'facet-value'}>
        <label>
          <input
            type="checkbox"
            checked={checked}
            onChange={() => appStore.getState().toggleFacetValue(facet, option.value)}
          />
          {option.swatch !== undefined && (
            <span className="swatch" style={{ backgroundColor: option.swatch }} aria-hidden="true" />
          )}
          <span className="facet-label">{option.label}</span>
          <span className="facet-count">{count.toLocaleString(t.language === 'fr' ? 'fr-FR' : 'en-GB')}</span>
        </label>
      </li>
    );
  };
  return (
    <details className="facet" open={open} data-facet={facet}>
      <summary>
        <span className="facet-title">{title}</span>
        {selected.length > 0 && <span className="facet-badge">{selected.length}</span>}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{title}</legend>
        {hint !== undefined && <p className="facet-hint">{hint}</p>}
        {groups === undefined ? (
          <ul>{options.map(renderOption)}</ul>
        ) : (
          groups.map((group) => (
            <div key={group.title}>
              <p className="facet-subtitle">{group.title}</p>
              <ul>{options.filter((option) => group.values.has(option.value)).map(renderOption)}</ul>
            </div>
          ))
        )}
        {children}
        {selected.length > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => appStore.getState().clearFacet(facet)}
            aria-label={t('clearFacetNamed', { facet: title })}
          >
            {t('clearFacet')}
          </button>
        )}
      </fieldset>
    </details>
  );
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Every facet of the dataset, with labels in the current language. */
export function FacetPanel() {
  const t = useMessages();
  const dataset = useAppStore((state) => state.dataset);
  const facetIndex = useAppStore((state) => state.facetIndex);
  const structures = useAppStore(selectStructures);
  const selectedRegions = useAppStore((state) => state.filter.region);
  const initiativesLayer = useAppStore((state) => state.initiativesLayer);
  const language = t.language;

  const options = useMemo(() => {
    if (dataset === null || facetIndex === null) return null;
    const present = (facet: Facet) => (entry: TaxonomyEntry) => facetIndex.bits[facet].has(entry.code);
    const label = (entry: TaxonomyEntry) => (language === 'fr' ? entry.labelFr : entry.labelEn);
    const fromTaxonomy = (entries: readonly TaxonomyEntry[], facet: Facet): Option[] =>
      entries.filter(present(facet)).map((entry) => ({
        value: entry.code,
        label: label(entry),
        ...(entry.color ? { swatch: entry.color } : {}),
      }));
    const regionOf = new Map(structures.map((structure) => [structure.departement, structure.region]));
    return {
      type: fromTaxonomy(dataset.taxonomies.types, 'type'),
      theme: fromTaxonomy(dataset.taxonomies.themes, 'theme'),
      territorial: new Set(
        dataset.taxonomies.themes.filter((theme) => theme.kind === 'territorial').map((theme) => theme.code),
      ),
      sector: new Set(
        dataset.taxonomies.themes.filter((theme) => theme.kind !== 'territorial').map((theme) => theme.code),
      ),
      network: fromTaxonomy(dataset.taxonomies.networks, 'network'),
      initiative: dataset.taxonomies.initiativeCategories.map((entry) => ({
        value: entry.code,
        label: label(entry),
      })),
      status: (['actif', 'inconnu', 'ferme'] as const).map((code) => ({
        value: code,
        label: translate(language, `status_${code}`),
      })),
      region: [...dataset.territories.regions]
        .sort((left, right) => collator.compare(left.nom, right.nom))
        .map((region) => ({ value: region.code, label: region.nom })),
      departement: [...dataset.territories.departements]
        .sort((left, right) => collator.compare(left.code, right.code))
        .map((departement) => ({
          value: departement.code,
          label: `${departement.code} ${departement.nom}`,
          region: regionOf.get(departement.code) ?? '',
        })),
    };
  }, [dataset, facetIndex, structures, language]);

  if (options === null) return null;
  const departements =
    selectedRegions.length === 0
      ? options.departement
      : options.departement.filter((option) => selectedRegions.includes(option.region));
  return (
    <section className="facet-panel" aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        {t('filtersTitle')}
      </h2>
      <FacetGroup facet="type" options={options.type} />
      <FacetGroup
        facet="theme"
        options={options.theme}
        groups={[
          { title: t('territorialThemes'), values: options.territorial },
          { title: t('sectorThemes'), values: options.sector },
        ]}
      />
      <FacetGroup facet="initiative" options={options.initiative} hint={t('initiativeHint')} open={false}>
        <label className="layer-toggle">
          <input
            type="checkbox"
            checked={initiativesLayer}
            onChange={(event) => appStore.getState().setInitiativesLayer(event.target.checked)}
          />
          <span className="initiative-swatch" aria-hidden="true" />
          {t('initiativesLayer')}
        </label>
      </FacetGroup>
      <FacetGroup facet="network" options={options.network} open={false} />
      <FacetGroup facet="status" options={options.status} hint={t('statusHint')} open={false}>
        <p className="facet-hint">{t('statusUnknownHint', { year: ACTIVE_EVIDENCE_FROM_YEAR })}</p>
      </FacetGroup>
      <FacetGroup facet="region" options={options.region} open={false} />
      <FacetGroup facet="departement" options={departements} open={false} />
    </section>
  );
}
