import type { StateCreator } from 'zustand';
import type { Language } from '../../i18n/messages';
import type { AppState } from '../store';

export type UiSlice = {
  language: Language;
  setLanguage(language: Language): void;
};

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'fr',
  setLanguage: (language) => set({ language }),
});
