import { lazy, Suspense, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMessages } from '../../hooks/use-messages';

const DataSourcesDialog = lazy(() =>
  import('../about/data-sources-dialog').then((module) => ({ default: module.DataSourcesDialog })),
);

/** The header's "Données et sources" button; the page loads on the first click and gives focus back on close. */
export function DataSourcesEntry() {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        type="button"
        className="quality-link"
        ref={button}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('dataTitle')}
      </button>
      {open &&
        createPortal(
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <DataSourcesDialog
              onClose={() => {
                setOpen(false);
                requestAnimationFrame(() => button.current?.focus());
              }}
            />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
