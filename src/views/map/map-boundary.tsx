import { Component, type ReactNode } from 'react';
import { useMessages } from '../../hooks/use-messages';
import { TechnicalDetails } from '../layout/technical-details';

/**
 * What shows in place of the map when it cannot be drawn: a plain message, the raw one in a details element. The
 * header, the filters, the list and the cards do not depend on the map and keep working.
 */
export function MapUnavailable({ reason, detail }: { reason: 'webgl' | 'engine'; detail: string }) {
  const t = useMessages();
  return (
    <div className="map-unavailable" role="status">
      <p>{t(reason === 'webgl' ? 'mapUnavailable' : 'mapFailed')}</p>
      <TechnicalDetails text={detail} />
    </div>
  );
}

type State = { error: Error | null };

/** Catches whatever the map throws (no WebGL, an engine failure) so that it takes down the map alone. */
export class MapBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="map-area">
        <MapUnavailable
          reason={error.name === 'MapUnavailableError' ? 'webgl' : 'engine'}
          detail={error.message}
        />
      </div>
    );
  }
}
