/**
 * Freezes a value and everything in it, so that readers who share it cannot change it. A part already
 * frozen is taken as frozen all the way down (only this function freezes here), so sharing stays cheap.
 */
export const deepFreeze = <T>(o: T): T => {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
};
