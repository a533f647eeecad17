import { useState } from 'react';
import { isFilterActive } from '../../domain/filter';
import { useMessages } from '../../hooks/use-messages';
import { selectFilterResult } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';
import { currentShareUrl } from '../../state/url-sync';

/** How many structures pass the filters, "clear all", and "copy link" (announced to screen readers). */
export function ResultBar() {
  const t = useMessages();
  const count = useAppStore((state) => selectFilterResult(state)?.count ?? 0);
  const active = useAppStore((state) => isFilterActive(state.filter));
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(currentShareUrl(appStore, window.location));
      setCopyStatus('copied');
    } catch {
      setCopyStatus('failed');
    }
  }

  return (
    <div className="result-bar">
      <p className="result-count" aria-live="polite" data-testid="result-count">
        {count === 1
          ? t('resultCountOne')
          : t('resultCount', { count: count.toLocaleString(t.language === 'fr' ? 'fr-FR' : 'en-GB') })}
      </p>
      <div className="result-actions">
        <button type="button" onClick={() => appStore.getState().clearFilters()} disabled={!active}>
          {t('clearAll')}
        </button>
        <button type="button" onClick={() => void copyLink()}>
          {t('copyLink')}
        </button>
      </div>
      <p className="copy-status" role="status">
        {copyStatus === 'copied' ? t('linkCopied') : copyStatus === 'failed' ? t('linkCopyFailed') : ''}
      </p>
    </div>
  );
}
