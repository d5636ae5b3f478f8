/**
 * An IncidentFeed anyone can emit into: what alerts subscribe to until the incidents' own feed is
 * connected in its place (src/main/app-services.ts), and what tests and a daemon without an
 * incident recorder hand the dispatcher.
 */
import type { Incident } from '../incidents/types';
import type { Disposer } from '../util/deps';
import type { IncidentFeed } from './types';

export class IncidentRelay implements IncidentFeed {
  readonly #listeners = new Set<(incident: Incident) => void>();

  on(_event: 'incident', listener: (incident: Incident) => void): Disposer {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(incident: Incident): void {
    for (const listener of [...this.#listeners]) listener(incident);
  }
}
