import type { DomainEvent } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import type { IndexSpec } from '../port/projection-store.port';
import type { FiguresSpec } from './figures';

/**
 * A read model as a pure function of the log: which events it reads, which documents each one
 * touches, and how a document evolves. The engine guards positions, batches and checkpoints.
 */
export interface Projection<D extends object = Record<string, unknown>, E extends RecordedEvent = RecordedEvent> {
  /** Stable, kebab-case: the key of its checkpoint. */
  name: string;
  /** Bump it when `route` or `evolve` change meaning: the projection is rebuilt into a new generation. */
  version: number;
  /** The logical collection it writes; its name by default. */
  collection?: string;
  /** The event types it reads (exact persisted names), or 'all'. */
  handles: readonly string[] | 'all';
  indexes?: IndexSpec[];
  /** The ids of the documents an event touches. */
  route(event: E): string[];
  /** The next state of one document (undefined when it does not exist yet); null deletes it. Never mutates
   *  the document or the event: both may be shared, and frozen. */
  evolve(doc: D | undefined, event: E): D | null;
  /**
   * `events.reduce(evolve, doc)` done at once, where one event at a time costs a copy of a large
   * document (the unit registry's thousands of units): a batch's events of one document, in order.
   */
  fold?(doc: D | undefined, events: E[]): D | null;
  /** Figures per unit kept from its documents, in a collection of their own beside its own. */
  figures?: FiguresSpec<D>;
  /**
   * Its collection grows with the log (a document per activity, per stream): the embedded store keeps
   * it in its file and reads it through its indexes rather than holding it in memory (issue 17).
   */
  large?: boolean;
}

/** Each event of a domain union as the log records it: what a projection that handles exactly those types is given. */
/** A projection of any document and events: the engine holds projections of every kind in one list. */
export type AnyProjection = Projection<any, any>;

export type RecordedFrom<E extends DomainEvent> = E extends DomainEvent<infer T, infer D> ? RecordedEvent<T, D> : never;

export const projection = <D extends object, E extends RecordedEvent = RecordedEvent>(
  p: Projection<D, E>,
): Projection<D, E> => p;

export const collectionOf = (p: Projection<any, any>): string => p.collection ?? p.name;

/** The collections a projection writes beside its own. */
export const alongsideOf = (p: Projection<any, any>): string[] => (p.figures ? [p.figures.collection] : []);

/** The collections of projections declared `large`: what the embedded store keeps on disk. */
export const largeCollections = (ps: readonly Projection<any, any>[]): string[] =>
  ps.filter((p) => p.large).map(collectionOf);

/** Every collection a projection writes: its own, then the ones beside it. */
export const collectionsOf = (p: Projection<any, any>): string[] => [collectionOf(p), ...alongsideOf(p)];

/** Injection token: the projections a process runs (and waits for, for read-your-writes). */
export const PROJECTIONS = Symbol('PROJECTIONS');
