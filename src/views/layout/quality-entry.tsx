import { lazy, Suspense, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMessages } from '../../hooks/use-messages';

const QualityDialog = lazy(() =>
  import('../quality/quality-dialog').then((module) => ({ default: module.QualityDialog })),
);

/**
 * The header's "Qualité des données" button and the page it opens. The page's code is a separate chunk, loaded
 * on the first click, so the main bundle does not carry it. Closing puts focus back on the button.
 */
export function QualityEntry() {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button
        type="button"
        className="quality-link"
        ref={button}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('qualityLink')}
      </button>
      {open &&
        createPortal(
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <QualityDialog onClose={close} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
