/**
 * What a refusal means over HTTP, declared beside the error (STYLE.md: the edge looks it up, it does
 * not guess). The problem type is `/problems/<code>`; docs/problems.md lists every one.
 */
export interface ProblemMeaning {
  status: number;
  title: string;
}

/** Each code of an error family with its meaning: a missing code is a compile error. */
export type ProblemsOf<C extends string> = Readonly<Record<C, ProblemMeaning>>;

/** A refusal by a rule of the domain, with a stable code; its class declares `static problems`. */
export abstract class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
