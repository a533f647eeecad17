/** "Ma sélection": structures a user starred, with a private note each, kept in this browser. */
export type Shortlist = {
  /** In the order they were starred. */
  readonly ids: readonly string[];
  readonly notes: Readonly<Record<string, string>>;
};

export const EMPTY_SHORTLIST: Shortlist = { ids: [], notes: {} };
export const MAX_SHORTLIST = 500;
export const MAX_NOTE_LENGTH = 1_000;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isShortlistId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 120 && ID.test(value);
}

export function toggleShortlisted(shortlist: Shortlist, id: string): Shortlist {
  if (shortlist.ids.includes(id)) {
    const { [id]: _removed, ...notes } = shortlist.notes;
    return { ids: shortlist.ids.filter((item) => item !== id), notes };
  }
  if (!isShortlistId(id) || shortlist.ids.length >= MAX_SHORTLIST) return shortlist;
  return { ids: [...shortlist.ids, id], notes: shortlist.notes };
}

/** Sets the note of a starred structure (trimmed to the limit; an empty note is removed). */
export function setNote(shortlist: Shortlist, id: string, note: string): Shortlist {
  if (!shortlist.ids.includes(id)) return shortlist;
  const { [id]: _previous, ...notes } = shortlist.notes;
  const text = note.slice(0, MAX_NOTE_LENGTH);
  return { ids: shortlist.ids, notes: text.trim() === '' ? notes : { ...notes, [id]: text } };
}

/** Adds ids (from a shared link or storage) after the ones already there, without duplicates. */
export function mergeShortlist(
  shortlist: Shortlist,
  ids: readonly string[],
  notes: Record<string, string> = {},
): Shortlist {
  let merged = shortlist;
  for (const id of ids) if (!merged.ids.includes(id)) merged = toggleShortlisted(merged, id);
  const kept = Object.fromEntries(
    Object.entries(notes).filter(
      ([id, note]) => merged.ids.includes(id) && typeof note === 'string' && !(id in merged.notes),
    ),
  );
  return { ids: merged.ids, notes: { ...merged.notes, ...kept } };
}

/** Reads a stored shortlist; anything malformed is dropped item by item, never thrown. */
export function parseStoredShortlist(text: string | null): Shortlist {
  if (text === null) return EMPTY_SHORTLIST;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return EMPTY_SHORTLIST;
  }
  if (typeof value !== 'object' || value === null) return EMPTY_SHORTLIST;
  const { ids, notes } = value as { ids?: unknown; notes?: unknown };
  const validIds = Array.isArray(ids) ? ids.filter(isShortlistId) : [];
  const validNotes =
    typeof notes === 'object' && notes !== null
      ? Object.fromEntries(
          Object.entries(notes as Record<string, unknown>)
            .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
            .map(([id, note]) => [id, note.slice(0, MAX_NOTE_LENGTH)]),
        )
      : {};
  return mergeShortlist(EMPTY_SHORTLIST, validIds, validNotes);
}
