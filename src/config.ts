/** The only module that reads `import.meta.env`. Every other module imports typed constants from here. */
export const BASE_URL: string = import.meta.env.BASE_URL;

/** Where the published data files are, relative to the page. */
export const DATA_URL = `${BASE_URL}data/`;
export const BASEMAP_URL = `${BASE_URL}basemap/`;
/** Commune and intercommunality outlines, loaded when a territory view opens. */
export const BOUNDARIES_URL = `${BASE_URL}boundaries/`;

/** Where "Signaler une erreur" writes to: set VITE_REPORT_EMAIL when building for a real deployment. */
export const REPORT_EMAIL: string =
  import.meta.env.VITE_REPORT_EMAIL ?? 'corrections@atlas-innovation.example';

/** A card warns that a fact may be out of date when its source is older than this. */
export const OUTDATED_AFTER_MONTHS = 18;

/**
 * Test hooks (`window.__atlas`) are compiled in only when the build runs with `VITE_INSTRUMENT=1` (browser tests
 * and benchmarks); a production build leaves them out.
 */
export const INSTRUMENT: boolean = import.meta.env.VITE_INSTRUMENT === '1';

/**
 * The State's address search (Géoplateforme geocoding, Base Adresse Nationale), asked only after the user turns
 * on "Adresse précise". Set VITE_ADDRESS_API_URL to point at another instance.
 */
export const ADDRESS_API_URL: string =
  import.meta.env.VITE_ADDRESS_API_URL ?? 'https://data.geopf.fr/geocodage/search';
