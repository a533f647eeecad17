import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { ADDRESS_API_URL, DATA_URL } from '../../config';
import { type PlaceEntry, searchPlaces } from '../../domain/places';
import { RADIUS_CHOICES_KM } from '../../domain/proximity';
import { useMessages } from '../../hooks/use-messages';
import { useStoredFlag } from '../../hooks/use-stored-flag';
import type { MessageKey } from '../../i18n/messages';
import type { AddressResult } from '../../loaders/search-addresses';
import { startPlaceIndexLoading } from '../../state/place-indexing';
import { appStore, useAppStore } from '../../state/store';

type Notice = { readonly key: MessageKey; readonly values?: Record<string, string | number> } | null;

/** What a chosen entry does: a commune centres the search on it; an area opens its territory view. */
function choose(entry: PlaceEntry): void {
  const state = appStore.getState();
  if (entry.kind === 'commune' || entry.kind === 'arrondissement') {
    state.setPlace({ label: `${entry.name} (${entry.departement})`, lngLat: entry.lngLat });
    return;
  }
  state.openTerritory({ level: entry.kind, code: entry.code });
}

/**
 * "Autour de": one combobox (WAI-ARIA 1.2 pattern) over the offline place index, loaded on first focus: communes
 * by name or postcode, departments by name or number, regions and intercommunalities; "Me localiser" uses the
 * browser's position as is. Once a place is chosen: its label, the radius and a way to remove it.
 */
export function PlaceSearch() {
  const t = useMessages();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [notice, setNotice] = useState<Notice>(null);
  const index = useAppStore((state) => state.placeIndex);
  const status = useAppStore((state) => state.placeIndexStatus);
  const place = useAppStore((state) => state.place);
  const radiusKm = useAppStore((state) => state.radiusKm);
  const epci = useAppStore((state) => state.filter.epci);
  const structures = useAppStore((state) => state.dataset?.structures);
  const epciName = (code: string) =>
    structures?.find((structure) => structure.epci === code)?.epciNom ??
    index?.entries.find((entry) => entry.kind === 'epci' && entry.code === code)?.name ??
    code;
  const results = useMemo(() => (index === null ? [] : searchPlaces(index, text, 8)), [index, text]);
  const [addressSearch, setAddressSearch] = useStoredFlag('atlas.adresse-precise', false);
  const [addresses, setAddresses] = useState<readonly AddressResult[]>([]);
  const options = [...results, ...addresses];
  const expanded = open && options.length > 0;

  useEffect(
    function askAddresses() {
      setAddresses([]);
      const query = text.trim();
      if (!addressSearch || query.length < 4) return;
      let current = true;
      const timer = setTimeout(() => {
        void import('../../loaders/search-addresses')
          .then(({ searchAddresses }) => searchAddresses(ADDRESS_API_URL, query))
          .then((result) => {
            if (!current) return;
            if (result.ok) setAddresses(result.value);
            else setNotice({ key: 'addressError' });
          });
      }, 350);
      return () => {
        current = false;
        clearTimeout(timer);
      };
    },
    [addressSearch, text],
  );

  const pickAddress = (address: AddressResult) => {
    appStore.getState().setPlace({ label: address.label, lngLat: address.lngLat });
    setText('');
    setOpen(false);
    setActive(-1);
    setNotice(null);
  };

  const pick = (entry: PlaceEntry) => {
    choose(entry);
    setText('');
    setOpen(false);
    setActive(-1);
    setNotice(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      const position = active >= 0 ? active : text.trim() !== '' ? 0 : -1;
      const entry = results[position];
      const address = addresses[position - results.length];
      if (entry !== undefined) {
        event.preventDefault();
        pick(entry);
      } else if (address !== undefined) {
        event.preventDefault();
        pickAddress(address);
      }
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setNotice({ key: 'geoUnsupported' });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { longitude, latitude, accuracy } = position.coords;
        appStore.getState().setPlace({ label: t('myPosition'), lngLat: [longitude, latitude] });
        setNotice(
          accuracy > 2000 ? { key: 'geoImprecise', values: { km: Math.round(accuracy / 1000) } } : null,
        );
      },
      (error) => setNotice({ key: error.code === error.PERMISSION_DENIED ? 'geoDenied' : 'geoUnavailable' }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  const kindLabel = (entry: PlaceEntry) => t(`kind_${entry.kind}` as MessageKey);
  return (
    <div className="place-search">
      <label htmlFor={id}>{t('placeLabel')}</label>
      <div className="place-row">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
          value={text}
          placeholder={t('placePlaceholder')}
          onFocus={() => {
            startPlaceIndexLoading(appStore, DATA_URL);
            setOpen(true);
          }}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <button type="button" onClick={locate}>
          {t('locateMe')}
        </button>
      </div>
      <div
        id={listId}
        role="listbox"
        aria-label={t('placeResults')}
        className="place-options"
        hidden={!expanded}
      >
        {results.map((entry, position) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys (aria-activedescendant)
          <div
            key={`${entry.kind}:${entry.code}`}
            id={`${listId}-${position}`}
            role="option"
            tabIndex={-1}
            aria-selected={position === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(entry)}
          >
            <span className="place-name">{entry.name}</span>{' '}
            <span className="place-detail">
              {kindLabel(entry)}
              {entry.detail === '' ? '' : ` · ${entry.detail}`}
            </span>
          </div>
        ))}
        {addresses.length === 0 ? null : (
          // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox (ARIA combobox pattern), not a form fieldset
          <div role="group" aria-label={t('addressGroup')}>
            <div className="place-group" aria-hidden="true">
              {t('addressGroup')}
            </div>
            {addresses.map((address, offset) => {
              const position = results.length + offset;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys (aria-activedescendant)
                <div
                  key={`address:${address.label}`}
                  id={`${listId}-${position}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={position === active}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pickAddress(address)}
                >
                  <span className="place-name">{address.label}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <label className="address-switch">
        <input
          type="checkbox"
          checked={addressSearch}
          onChange={(event) => setAddressSearch(event.target.checked)}
        />{' '}
        {t('addressSwitch')}
      </label>
      <p className="place-status" aria-live="polite">
        {status === 'loading' && text !== '' ? t('placeLoading') : null}
        {status === 'error' ? t('placeLoadError') : null}
        {status === 'ready' && open && text.trim() !== '' && options.length === 0 ? t('placeNone') : null}
        {notice === null ? null : t(notice.key, notice.values)}
      </p>
      {epci.map((code) => (
        <p key={code} className="place-current">
          <span>{t('epciChip', { name: epciName(code) })}</span>
          <button type="button" onClick={() => appStore.getState().toggleFacetValue('epci', code)}>
            {t('clearEpci')}
          </button>
        </p>
      ))}
      {place === null ? null : (
        <div className="place-current">
          <span>{t('distanceNote', { place: place.label })}</span>
          <label>
            {t('radiusLabel')}{' '}
            <select
              value={radiusKm}
              onChange={(event) => appStore.getState().setRadius(Number(event.target.value))}
            >
              {RADIUS_CHOICES_KM.map((radius) => (
                <option key={radius} value={radius}>
                  {radius} km
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => appStore.getState().setPlace(null)}>
            {t('clearPlace')}
          </button>
        </div>
      )}
    </div>
  );
}
