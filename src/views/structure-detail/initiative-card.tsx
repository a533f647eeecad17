import { useEffect, useRef } from 'react';
import { useMessages } from '../../hooks/use-messages';
import { selectSelectedInitiative } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/store';
import { InitiativeList } from './initiative-list';

const NO_CATEGORIES: readonly never[] = [];

/** The card of a network-wide Covid initiative picked on the map (one that no recorded structure ran). */
export function InitiativeCard() {
  const t = useMessages();
  const initiative = useAppStore(selectSelectedInitiative);
  const categories = useAppStore((state) => state.dataset?.taxonomies.initiativeCategories ?? NO_CATEGORIES);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (initiative !== null) heading.current?.focus();
  }, [initiative]);
  if (initiative === null) return null;
  return (
    <article className="structure-card" aria-labelledby="initiative-title">
      <header>
        <h2 id="initiative-title" tabIndex={-1} ref={heading}>
          {initiative.nom}
        </h2>
        <button
          type="button"
          className="close"
          onClick={() => appStore.getState().selectInitiative(null)}
          aria-label={t('close')}
        >
          ×
        </button>
      </header>
      <p className="muted">
        {t('initiativeNetwork')}{' '}
        {initiative.commune !== '' && `${t('initiativePlace')} : ${initiative.commune}.`}
      </p>
      <InitiativeList initiatives={[initiative]} categories={categories} />
    </article>
  );
}
