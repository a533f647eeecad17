import { lazy, Suspense, useId } from 'react';
import {
  CHOROPLETH_LEVELS,
  type ChoroplethLevel,
  type ChoroplethMeasure,
} from '../../domain/choropleth-levels';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { appStore, useAppStore } from '../../state/store';

const ChoroplethDetails = lazy(() =>
  import('./choropleth-details').then((module) => ({ default: module.ChoroplethDetails })),
);

/** The choropleth's control (level and measure); its legend and table load with the first choropleth. */
export function ChoroplethControls() {
  const t = useMessages();
  const levelId = useId();
  const measureId = useId();
  const level = useAppStore((state) => state.choropleth);
  const measure = useAppStore((state) => state.choroplethMeasure);
  const shapesStatus = useAppStore((state) => state.choroplethShapes?.status ?? null);
  return (
    <div className="choropleth-controls">
      <div className="choropleth-row">
        <label htmlFor={levelId}>{t('choroplethLabel')}</label>{' '}
        <select
          id={levelId}
          value={level ?? ''}
          onChange={(event) =>
            appStore
              .getState()
              .setChoropleth(event.target.value === '' ? null : (event.target.value as ChoroplethLevel))
          }
        >
          <option value="">{t('choroplethNone')}</option>
          {CHOROPLETH_LEVELS.map((option) => (
            <option key={option} value={option}>
              {t(`choropleth_${option}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {level === null ? null : (
        <>
          <div className="choropleth-row">
            <label htmlFor={measureId}>{t('choroplethMeasure')}</label>{' '}
            <select
              id={measureId}
              value={measure}
              onChange={(event) =>
                appStore.getState().setChoroplethMeasure(event.target.value as ChoroplethMeasure)
              }
            >
              <option value="count">{t('choroplethCount')}</option>
              <option value="rate">{t('choroplethRate')}</option>
            </select>
          </div>
          {shapesStatus === 'error' ? <p role="status">{t('choroplethFailed')}</p> : null}
          <Suspense fallback={null}>
            <ChoroplethDetails />
          </Suspense>
        </>
      )}
    </div>
  );
}
