/** The only module that reads `import.meta.env`. Every other module imports typed constants from here. */
export const BASE_URL: string = import.meta.env.BASE_URL;

/** Where the published data files are, relative to the page. */
export const DATA_URL = `${BASE_URL}data/`;
export const BASEMAP_URL = `${BASE_URL}basemap/`;

/** Exposes a small test hook on `window.__atlas` so browser tests can wait for the map and read what it drew. */
export const EXPOSE_TEST_HOOKS: boolean =
  import.meta.env.MODE !== 'production' || import.meta.env.VITE_TEST_HOOKS === '1';
