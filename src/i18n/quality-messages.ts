import type { Language } from './messages';

/**
 * The strings of the "Qualité des données" page, French first. Kept apart from `messages.ts` so that they load
 * with the page (a lazy chunk), not with the main bundle.
 */
const fr = {
  qualityTitle: 'Qualité des données',
  qualityLoading: 'Chargement des indicateurs…',
  qualityError: 'Les indicateurs n’ont pas pu être chargés.',
  qualityIntro:
    '{total} structures : {curated} fiches vérifiées à la main (structures.csv), {imported} importées de bases ouvertes (2017-2019).',
  qualityProgrammes: 'Couverture des réseaux officiels',
  qualityProgramme: 'Programme',
  qualityOfficial: 'Membres officiels',
  qualityPlaced: 'Dans l’atlas',
  qualityShare: 'Part',
  qualityNotPlaced: '{programme} : membres absents de l’atlas',
  qualityNoOfficial: 'Aucune liste officielle n’est encore saisie.',
  qualityStatuses: 'Statuts',
  qualityStatus: 'Statut',
  qualityCurated: 'Fiches vérifiées',
  qualityImported: 'Fiches importées',
  qualityYears: 'Âge des sources (année de vérification)',
  qualityYear: 'Année',
  qualityCompleteness: 'Champs renseignés',
  qualityField: 'Champ',
  qualityDuplicates: 'Doublons',
  qualityKind: 'Cas',
  qualityCount: 'Nombre',
  duplicates_suspected: 'Soupçonnés',
  duplicates_merged: 'Fusionnés',
  duplicates_distinct: 'Distincts après examen',
  duplicates_unresolved: 'À examiner',
  field_description: 'Description',
  field_adresse: 'Adresse',
  field_code_postal: 'Code postal',
  field_site_web: 'Site web',
  field_reseaux: 'Réseaux et labels',
  field_siret: 'SIRET',
} as const;

export type QualityMessageKey = keyof typeof fr;

const en: Record<QualityMessageKey, string> = {
  qualityTitle: 'Data quality',
  qualityLoading: 'Loading the figures…',
  qualityError: 'The figures could not be loaded.',
  qualityIntro:
    '{total} structures: {curated} records checked by hand (structures.csv), {imported} imported from open datasets (2017-2019).',
  qualityProgrammes: 'Coverage of official networks',
  qualityProgramme: 'Programme',
  qualityOfficial: 'Official members',
  qualityPlaced: 'In the atlas',
  qualityShare: 'Share',
  qualityNotPlaced: '{programme}: members missing from the atlas',
  qualityNoOfficial: 'No official list has been entered yet.',
  qualityStatuses: 'Statuses',
  qualityStatus: 'Status',
  qualityCurated: 'Checked records',
  qualityImported: 'Imported records',
  qualityYears: 'Age of sources (year checked)',
  qualityYear: 'Year',
  qualityCompleteness: 'Fields filled in',
  qualityField: 'Field',
  qualityDuplicates: 'Duplicates',
  qualityKind: 'Case',
  qualityCount: 'Count',
  duplicates_suspected: 'Suspected',
  duplicates_merged: 'Merged',
  duplicates_distinct: 'Distinct after review',
  duplicates_unresolved: 'To review',
  field_description: 'Description',
  field_adresse: 'Address',
  field_code_postal: 'Postcode',
  field_site_web: 'Website',
  field_reseaux: 'Networks and labels',
  field_siret: 'SIRET',
};

const QUALITY_MESSAGES: Record<Language, Record<QualityMessageKey, string>> = { fr, en };

/** Looks up a quality-page message and fills `{name}` placeholders. */
export function translateQuality(
  language: Language,
  key: QualityMessageKey,
  values: Record<string, string | number> = {},
): string {
  return QUALITY_MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}
