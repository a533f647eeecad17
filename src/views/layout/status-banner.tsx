import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import type { FileProblem } from '../../loaders/load-dataset';
import { useAppStore } from '../../state/store';
import { TechnicalDetails } from './technical-details';

const NO_PROBLEMS: readonly FileProblem[] = [];

/**
 * Loading, load failure (with retry), auxiliary files that could not be read or are of another version, and
 * skipped-feature notices, announced to screen readers. Messages are in plain language; the raw parser or HTTP
 * message sits in a details element.
 */
export function StatusBanner({ onRetry }: { onRetry(): void }) {
  const t = useMessages();
  const status = useAppStore((state) => state.loadStatus);
  const error = useAppStore((state) => state.loadError);
  const skipped = useAppStore((state) => state.dataset?.issues.length ?? 0);
  const problems = useAppStore((state) => state.dataset?.fileProblems ?? NO_PROBLEMS);
  return (
    <div role="status" className="status-banner">
      {status === 'loading' && <p>{t('loading')}</p>}
      {status === 'error' && (
        <div className="error">
          <p>{t('loadError')}</p>
          {error !== null && <TechnicalDetails text={error} />}
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </div>
      )}
      {problems.map((problem) => (
        <div key={`${problem.file} ${problem.kind}`} className="warning file-problem">
          <p>
            {problem.kind === 'version'
              ? t('fileVersion', { file: problem.file })
              : t(`fileUnreadable_${problem.file.replace('.json', '')}` as MessageKey)}
          </p>
          <TechnicalDetails text={problem.detail} />
        </div>
      ))}
      {skipped > 0 && <p className="warning">{t('skippedFeatures', { count: skipped })}</p>}
    </div>
  );
}
