import { type MessageKey, translate } from '../i18n/messages';
import { useAppStore } from '../state/store';

/** The translation function for the current language, which it also carries as `t.language`. */
export function useMessages() {
  const language = useAppStore((state) => state.language);
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  return Object.assign(t, { language });
}
