import { useRef, useState } from 'react';
import { isFilterActive } from '../../domain/filter';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { selectFilterResult } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';
import { currentShareUrl } from '../../state/url-sync';
import { downloadBlob } from '../download';
import { EmbedDialog } from './embed-dialog';
import type { ExportFormat } from './export-download';

const EXPORT_FORMATS: readonly ExportFormat[] = ['csv-semicolon', 'csv-comma', 'xlsx', 'geojson'];

/** How many structures pass the filters, "clear all", and "copy link" (announced to screen readers). */
export function ResultBar() {
  const t = useMessages();
  const count = useAppStore((state) => selectFilterResult(state)?.count ?? 0);
  const active = useAppStore((state) => isFilterActive(state.filter));
  const embed = useAppStore((state) => state.embed);
  const exportMenu = useRef<HTMLDetailsElement>(null);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed' | 'export-failed'>('idle');

  async function download(format: ExportFormat) {
    try {
      const { buildExport } = await import('./export-download');
      const today = new Date().toISOString().slice(0, 10);
      const { fileName, bytes } = await buildExport(appStore, format, t, today, window.location);
      downloadBlob(fileName, new Blob([bytes as BlobPart], { type: 'application/zip' }));
      if (exportMenu.current !== null) exportMenu.current.open = false;
      setCopyStatus('idle');
    } catch {
      setCopyStatus('export-failed');
    }
  }

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
        {embed ? null : <EmbedDialog />}
        <details className="export-menu" ref={exportMenu}>
          <summary>{t('exportLabel')}</summary>
          <div className="export-options">
            <p className="hint">{t('exportHint')}</p>
            {EXPORT_FORMATS.map((format) => (
              <button key={format} type="button" onClick={() => void download(format)}>
                {t(`export_${format}` as MessageKey)}
              </button>
            ))}
          </div>
        </details>
      </div>
      <p className="copy-status" role="status">
        {copyStatus === 'copied'
          ? t('linkCopied')
          : copyStatus === 'failed'
            ? t('linkCopyFailed')
            : copyStatus === 'export-failed'
              ? t('exportFailed')
              : ''}
      </p>
    </div>
  );
}
