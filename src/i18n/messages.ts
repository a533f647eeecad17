/** Every UI string, French first. English must have exactly the same keys (the type enforces it). */
const fr = {
  appTitle: "Atlas de l'innovation ouverte",
  appSubtitle: "Structures d'innovation ouverte en France",
  loading: 'Chargement des données…',
  loadError: 'Les données n’ont pas pu être chargées.',
  retry: 'Réessayer',
  skippedFeatures: '{count} structure(s) ignorée(s) car mal formée(s).',
  legendTitle: 'Types de structures',
  listTitle: 'Structures',
  listCount: '{count} structures',
  mapLabel: 'Carte des structures',
  territoryMenu: 'Aller à',
  close: 'Fermer',
  cardType: 'Type',
  cardThemes: 'Thèmes',
  cardNetworks: 'Réseaux et labels',
  cardAddress: 'Adresse',
  cardCommune: 'Commune',
  cardTerritory: 'Territoire',
  cardWebsite: 'Site web',
  cardSource: 'Source',
  cardVerified: 'Vérifié le',
  cardStatus: 'Statut',
  cardPrecision: 'Position',
  cardId: 'Identifiant',
  status_actif: 'En activité',
  status_ferme: 'Fermée',
  status_inconnu: 'Statut non vérifié',
  precision_source: 'coordonnées données par la source',
  precision_adresse: 'géocodée à l’adresse',
  precision_commune: 'centre de la commune (position approximative)',
  language: 'Langue',
  switchLanguage: 'English',
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
export type Language = 'fr' | 'en';

const en: Messages = {
  appTitle: 'Open Innovation Atlas',
  appSubtitle: 'Open-innovation structures in France',
  loading: 'Loading data…',
  loadError: 'The data could not be loaded.',
  retry: 'Retry',
  skippedFeatures: '{count} malformed structure(s) skipped.',
  legendTitle: 'Structure types',
  listTitle: 'Structures',
  listCount: '{count} structures',
  mapLabel: 'Map of structures',
  territoryMenu: 'Go to',
  close: 'Close',
  cardType: 'Type',
  cardThemes: 'Themes',
  cardNetworks: 'Networks and labels',
  cardAddress: 'Address',
  cardCommune: 'Municipality',
  cardTerritory: 'Territory',
  cardWebsite: 'Website',
  cardSource: 'Source',
  cardVerified: 'Checked on',
  cardStatus: 'Status',
  cardPrecision: 'Position',
  cardId: 'Identifier',
  status_actif: 'Active',
  status_ferme: 'Closed',
  status_inconnu: 'Status not checked',
  precision_source: 'coordinates given by the source',
  precision_adresse: 'geocoded at the street address',
  precision_commune: 'centre of the municipality (approximate)',
  language: 'Language',
  switchLanguage: 'Français',
};

export const MESSAGES: Record<Language, Messages> = { fr, en };

/** Looks up a message and fills `{name}` placeholders. */
export function translate(
  language: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}
