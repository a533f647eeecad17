import { useId, useRef, useState } from 'react';
import { useMessages } from '../../hooks/use-messages';
import { appStore } from '../../state/store';
import { embedUrl } from '../../state/url-sync';

/** The iframe snippet of a view: escaped for an HTML attribute, titled, lazy-loaded. */
export function iframeSnippet(src: string, title: string): string {
  const attribute = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
}

/**
 * "Intégrer": a dialog with the iframe snippet of the current view (filters, territory, place, choropleth), a copy
 * button and a live preview of what the iframe will show.
 */
export function EmbedDialog() {
  const t = useMessages();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const codeId = useId();
  const [src, setSrc] = useState('');
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const snippet = src === '' ? '' : iframeSnippet(src, t('appTitle'));
  const open = () => {
    setSrc(embedUrl(appStore, window.location));
    setCopied('idle');
    dialog.current?.showModal();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={open}>
        {t('embedButton')}
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={titleId} onClose={() => setSrc('')}>
        <h2 id={titleId}>{t('embedTitle')}</h2>
        <p>{t('embedHint')}</p>
        <label htmlFor={codeId}>{t('embedCode')}</label>
        <textarea id={codeId} readOnly rows={4} value={snippet} onFocus={(event) => event.target.select()} />
        <div className="embed-actions">
          <button type="button" onClick={() => void copy()}>
            {t('embedCopy')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
          <span role="status">
            {copied === 'copied' ? t('embedCopied') : copied === 'failed' ? t('linkCopyFailed') : ''}
          </span>
        </div>
        {src === '' ? null : <iframe className="embed-preview" src={src} title={t('embedPreview')} />}
      </dialog>
    </>
  );
}
