import type { StateCreator } from 'zustand';
import type { Bitset } from '../../domain/bitset';
import type { ChoroplethLevel, ChoroplethMeasure, ChoroplethView } from '../../domain/choropleth';
import type { Bbox } from '../../domain/geo';
import type { BasemapKind } from '../../domain/map-props';
import type { PlaceIndex } from '../../domain/places';
import { type ChosenPlace, DEFAULT_RADIUS_KM } from '../../domain/proximity';
import type { Language } from '../../i18n/messages';
import type { Boundary } from '../../loaders/load-boundary';
import type { AppState } from '../store';
import type { Camera, ListSort, MobileView } from '../url';

/** A one-off camera move asked by something other than the map (a restored link, back/forward). */
export type CameraCommand = { readonly camera: Camera; readonly sequence: number };

export type UiSlice = {
  language: Language;
  sort: ListSort;
  onlyInView: boolean;
  mobileView: MobileView;
  initiativesLayer: boolean;
  /** The map's visible bounds, updated on `moveend` only (never every frame). */
  mapBounds: Bbox | null;
  cameraCommand: CameraCommand | null;
  /** Where the user is looking from (place search, address or position) and the radius around it. */
  place: ChosenPlace | null;
  radiusKm: number;
  /** Sets the place and sorts the list by distance; null clears it (and the distance order). */
  setPlace(place: ChosenPlace | null): void;
  /** The offline place index, loaded on the first use of the place search. */
  placeIndex: PlaceIndex | null;
  placeIndexStatus: 'idle' | 'loading' | 'ready' | 'error';
  placeIndexRequested(): void;
  placeIndexLoaded(result: { ok: true; value: PlaceIndex } | { ok: false; error: string }): void;
  setRadius(radiusKm: number): void;
  /** The outline of the open territory, keyed by `level:code`; loaded on demand by `startTerritoryLoading`. */
  territoryOutline: {
    readonly key: string;
    readonly status: 'loading' | 'ready' | 'error';
    readonly outline: Boundary | null;
  } | null;
  territoryOutlineRequested(key: string): void;
  /**
   * Distances from every commune to the nearest structure matching the filters (the territory aside), computed
   * in a Web Worker for the coverage gaps; `matching` is the filter result they were computed for.
   */
  coverage: { readonly matching: Bitset; readonly distances: Float64Array | null } | null;
  coverageRequested(matching: Bitset): void;
  coverageLoaded(matching: Bitset, distances: Float64Array): void;
  /** Whether the map shows the communes farther than 20 km from any matching structure. */
  coverageLayer: boolean;
  setCoverageLayer(visible: boolean): void;
  /** The level the map colours (choropleth), null for points only, and the measure it colours by. */
  choropleth: ChoroplethLevel | null;
  choroplethMeasure: ChoroplethMeasure;
  /** The compact map-first layout for iframes (`embed=1` in the link). */
  embed: boolean;
  setChoropleth(level: ChoroplethLevel | null): void;
  setChoroplethMeasure(measure: ChoroplethMeasure): void;
  /** The outlines of the choropleth's level, loaded on demand (`startChoroplethLoading`). */
  choroplethShapes: {
    readonly level: ChoroplethLevel;
    readonly status: 'loading' | 'ready' | 'error';
    readonly features: readonly Boundary[];
  } | null;
  choroplethShapesRequested(level: ChoroplethLevel): void;
  /** The choropleth's figures and classes for the current filters, computed by a chunk loaded on first use. */
  choroplethView: ChoroplethView | null;
  choroplethComputed(view: ChoroplethView | null): void;
  /** Printing the territory sheet: asked (a sequence number), then the map's picture taken by the map view. */
  sheetRequest: number;
  sheetPicture: string | null;
  /** The request the picture answers (the map view takes it after the panel asked). */
  sheetTaken: number;
  requestSheet(): void;
  sheetPictureTaken(request: number, picture: string | null): void;
  choroplethShapesLoaded(level: ChoroplethLevel, features: readonly Boundary[] | null): void;
  territoryOutlineLoaded(key: string, outline: Boundary | null): void;
  /** The basemap the user picked (the embedded offline one by default); remembered in this browser. */
  basemap: BasemapKind;
  /** Set when an online basemap failed and the offline one was put back; cleared by the next choice. */
  basemapFailed: boolean;
  setBasemap(basemap: BasemapKind): void;
  basemapFailedToLoad(): void;
  setLanguage(language: Language): void;
  setSort(sort: ListSort): void;
  setOnlyInView(onlyInView: boolean): void;
  setMobileView(view: MobileView): void;
  setInitiativesLayer(visible: boolean): void;
  mapMoved(bounds: Bbox): void;
  moveCamera(camera: Camera): void;
};

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'fr',
  sort: 'nom',
  onlyInView: false,
  mobileView: 'carte',
  initiativesLayer: false,
  mapBounds: null,
  cameraCommand: null,
  place: null,
  radiusKm: DEFAULT_RADIUS_KM,
  setPlace: (place) =>
    set((state) => ({
      place,
      sort: place !== null ? 'distance' : state.sort === 'distance' ? 'nom' : state.sort,
    })),
  setRadius: (radiusKm) => set({ radiusKm }),
  territoryOutline: null,
  coverage: null,
  coverageRequested: (matching) => set({ coverage: { matching, distances: null } }),
  coverageLoaded: (matching, distances) =>
    set((state) => (state.coverage?.matching === matching ? { coverage: { matching, distances } } : {})),
  coverageLayer: false,
  setCoverageLayer: (coverageLayer) => set({ coverageLayer }),
  choropleth: null,
  choroplethMeasure: 'count',
  embed: false,
  setChoropleth: (choropleth) => set({ choropleth }),
  setChoroplethMeasure: (choroplethMeasure) => set({ choroplethMeasure }),
  choroplethShapes: null,
  choroplethView: null,
  choroplethComputed: (choroplethView) => set({ choroplethView }),
  sheetRequest: 0,
  sheetPicture: null,
  sheetTaken: 0,
  requestSheet: () => set((state) => ({ sheetRequest: state.sheetRequest + 1 })),
  sheetPictureTaken: (sheetTaken, sheetPicture) => set({ sheetTaken, sheetPicture }),
  choroplethShapesRequested: (level) => set({ choroplethShapes: { level, status: 'loading', features: [] } }),
  choroplethShapesLoaded: (level, features) =>
    set((state) =>
      state.choroplethShapes?.level === level
        ? {
            choroplethShapes: {
              level,
              status: features === null ? 'error' : 'ready',
              features: features ?? [],
            },
          }
        : {},
    ),
  territoryOutlineRequested: (key) => set({ territoryOutline: { key, status: 'loading', outline: null } }),
  territoryOutlineLoaded: (key, outline) =>
    set((state) =>
      state.territoryOutline?.key === key
        ? { territoryOutline: { key, status: outline === null ? 'error' : 'ready', outline } }
        : {},
    ),
  basemap: 'hors-ligne',
  basemapFailed: false,
  setBasemap: (basemap) => set({ basemap, basemapFailed: false }),
  basemapFailedToLoad: () => set({ basemap: 'hors-ligne', basemapFailed: true }),
  placeIndex: null,
  placeIndexStatus: 'idle',
  placeIndexRequested: () => set({ placeIndexStatus: 'loading' }),
  placeIndexLoaded: (result) =>
    set(
      result.ok
        ? { placeIndex: result.value, placeIndexStatus: 'ready' }
        : { placeIndex: null, placeIndexStatus: 'error' },
    ),
  setLanguage: (language) => set({ language }),
  setSort: (sort) => set({ sort }),
  setOnlyInView: (onlyInView) => set({ onlyInView }),
  setMobileView: (mobileView) => set({ mobileView }),
  setInitiativesLayer: (initiativesLayer) => set({ initiativesLayer }),
  mapMoved: (mapBounds) => set({ mapBounds }),
  moveCamera: (camera) =>
    set((state) => ({ cameraCommand: { camera, sequence: (state.cameraCommand?.sequence ?? 0) + 1 } })),
});
