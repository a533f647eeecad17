import { useId } from 'react';
import { MAX_NOTE_LENGTH } from '../../domain/shortlist';
import { useMessages } from '../../hooks/use-messages';
import { appStore, useAppStore } from '../../state/store';

/** A star that adds a structure to "Ma sélection" or removes it (a toggle button named after the structure). */
export function StarButton({ id, name, className }: { id: string; name: string; className?: string }) {
  const t = useMessages();
  const starred = useAppStore((state) => state.shortlist.ids.includes(id));
  return (
    <button
      type="button"
      className={`star-button ${className ?? ''}`}
      aria-pressed={starred}
      aria-label={t(starred ? 'starRemove' : 'starAdd', { name })}
      title={t(starred ? 'starRemove' : 'starAdd', { name })}
      onClick={() => appStore.getState().toggleShortlisted(id)}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
    </button>
  );
}

/** The note of a starred structure, kept in this browser with the selection. */
export function ShortlistNote({ id }: { id: string }) {
  const t = useMessages();
  const noteId = useId();
  const starred = useAppStore((state) => state.shortlist.ids.includes(id));
  const note = useAppStore((state) => state.shortlist.notes[id] ?? '');
  if (!starred) return null;
  return (
    <div className="shortlist-note">
      <label htmlFor={noteId}>{t('shortlistNote')}</label>
      <textarea
        id={noteId}
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onChange={(event) => appStore.getState().setShortlistNote(id, event.target.value)}
      />
    </div>
  );
}
