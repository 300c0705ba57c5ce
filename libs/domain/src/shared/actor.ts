/** Who did something, and with which rights at that moment: recorded on every event. */
export interface Actor {
  userId: string;
  /** The unit (đơn vị) the person acted for. */
  unitId: string | null;
  roles: string[];
}

/** The system itself (scheduler, seed, migrations): never a person. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: 'system', unitId: null, roles: ['system'] }) as Actor;
