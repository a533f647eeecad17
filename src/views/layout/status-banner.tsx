import { useMessages } from '../../hooks/use-messages';
import { useAppStore } from '../../state/store';

/** Loading, load failure (with retry) and skipped-feature notices, announced to screen readers. */
export function StatusBanner({ onRetry }: { onRetry(): void }) {
  const t = useMessages();
  const status = useAppStore((state) => state.loadStatus);
  const error = useAppStore((state) => state.loadError);
  const skipped = useAppStore((state) => state.dataset?.issues.length ?? 0);
  return (
    <div role="status" className="status-banner">
      {status === 'loading' && <p>{t('loading')}</p>}
      {status === 'error' && (
        <div className="error">
          <p>
            {t('loadError')} <span className="muted">{error}</span>
          </p>
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </div>
      )}
      {skipped > 0 && <p className="warning">{t('skippedFeatures', { count: skipped })}</p>}
    </div>
  );
}
