import { useEffect, useState } from 'react';
import { useMessages } from '../../hooks/use-messages';
import { appStore } from '../../state/store';
import { fullViewUrl } from '../../state/url-sync';

/** The embedded layout's only header: the atlas's name and a link to the same view in full, in a new tab. */
export function EmbedHeader() {
  const t = useMessages();
  const [href, setHref] = useState(() => fullViewUrl(appStore, window.location));
  useEffect(() => appStore.subscribe(() => setHref(fullViewUrl(appStore, window.location))), []);
  return (
    <header className="embed-header">
      <h1 className="embed-title">{t('appTitle')}</h1>
      <a href={href} target="_blank" rel="noopener">
        {t('embedOpenFull')}
        <span className="visually-hidden"> {t('newTab')}</span>
      </a>
    </header>
  );
}
