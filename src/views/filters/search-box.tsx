import { useId } from 'react';
import { useMessages } from '../../hooks/use-messages';
import { loadSearchIndexBuilder } from '../../state/search-indexing';
import { appStore, useAppStore } from '../../state/store';

/** Full-text search over our own fields (name, description, commune, themes, networks). */
export function SearchBox() {
  const t = useMessages();
  const id = useId();
  const query = useAppStore((state) => state.filter.query);
  return (
    <search className="search-box">
      <label htmlFor={id}>{t('searchLabel')}</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={120}
        onFocus={() => void loadSearchIndexBuilder()}
        onChange={(event) => appStore.getState().setQuery(event.target.value)}
      />
    </search>
  );
}
