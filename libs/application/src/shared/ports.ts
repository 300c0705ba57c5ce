/** Injection token of the Clock port in the application layer (bound by the composition root). */
export const CLOCK_PORT = Symbol.for('gl.clock');
