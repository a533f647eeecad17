import { useMessages } from '../../hooks/use-messages';
import { appStore, useAppStore } from '../../state/store';
import type { MobileView } from '../../state/url';

/** On narrow screens, switches between the map and the list (a pair of toggle buttons). */
export function ViewSwitch() {
  const t = useMessages();
  const view = useAppStore((state) => state.mobileView);
  return (
    <fieldset className="view-switch">
      <legend className="visually-hidden">{t('viewSwitch')}</legend>
      {(['carte', 'liste'] as MobileView[]).map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={view === value}
          onClick={() => appStore.getState().setMobileView(value)}
        >
          {t(`view_${value}`)}
        </button>
      ))}
    </fieldset>
  );
}
