import { type ComponentType, type LazyExoticComponent, Suspense, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';

/**
 * A header button that opens a page as a dialog. The page's code is a separate chunk (`React.lazy`), loaded on
 * the first click, so the main bundle does not carry it; closing puts focus back on the button.
 */
export function DialogEntry({
  label,
  Dialog,
}: {
  label: MessageKey;
  Dialog: LazyExoticComponent<ComponentType<{ onClose(): void }>>;
}) {
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
        {t(label)}
      </button>
      {open &&
        createPortal(
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <Dialog onClose={close} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
