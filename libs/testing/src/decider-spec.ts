/** A decider as three pure functions; `now` is passed where the decider needs the time. */
export interface Decider<C, E, S> {
  initialState: () => S;
  evolve: (state: S, event: E) => S;
  decide: (command: C, state: S, now: Date) => E[];
}

/**
 * given (past events) / when (a command) / then (the new events, or the error):
 * `deciderSpec(d).given(a, b).when(c).then(e)`.
 */
export const deciderSpec = <C, E, S>(d: Decider<C, E, S>, now = new Date('2023-11-14T03:00:00.000Z')) => ({
  given: (...past: E[]) => {
    const state = () => past.reduce(d.evolve, d.initialState());
    return {
      when: (command: C) => ({
        then: (...expected: E[]) => expect(d.decide(command, state(), now)).toEqual(expected),
        thenThrows: (error: new (...args: any[]) => Error, message?: string | RegExp) => {
          const run = () => d.decide(command, state(), now);
          expect(run).toThrow(error);
          if (message) expect(run).toThrow(message);
        },
      }),
      /** The state the past events give, for assertions on evolve. */
      state,
    };
  },
});
