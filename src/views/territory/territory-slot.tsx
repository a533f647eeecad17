import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state/store';

const TerritoryPanel = lazy(() =>
  import('./territory-panel').then((module) => ({ default: module.TerritoryPanel })),
);

/** Where the territory panel goes; its code loads with the first territory opened, not with the page. */
export function TerritorySlot() {
  const open = useAppStore((state) => (state.filter.territory ?? null) !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <TerritoryPanel />
    </Suspense>
  );
}
