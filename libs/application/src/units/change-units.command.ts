import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideUnits,
  evolveRegistry,
  initialRegistry,
  startOfDayInVietnam,
  UNIT_REGISTRY_STREAM,
  UnitCommand,
  UnitEvent,
  UnitRegistry,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult } from '../shared/command-context';
import { runDecider } from '../shared/stream-runner';

/** Any change to the organisation tree: establish, rename, recode, reclassify, re-parent, merge, split, … */
export class ChangeUnits {
  constructor(
    readonly command: UnitCommand,
    readonly context: CommandContext,
  ) {}
}

/** The units a command acts on: each must be in the caller's scope; a new unit's parent too. */
export const unitsTouched = (c: UnitCommand): string[] => {
  switch (c.type) {
    case 'EstablishUnit':
      return c.parentId ? [c.parentId] : [];
    case 'MergeUnits':
      return [
        ...c.predecessors.map((p) => p.unitId),
        ...('name' in c.successor && c.successor.parentId ? [c.successor.parentId] : []),
      ];
    case 'SplitUnit':
      return [c.unitId, ...c.successors.flatMap((s) => (s.parentId ? [s.parentId] : []))];
    case 'TransferPart':
      return [c.fromUnitId, c.toUnitId];
    case 'ReparentUnit':
      return [c.unitId, ...(c.parentId ? [c.parentId] : [])];
    case 'AbolishLevel':
      return [];
    default:
      return [c.unitId];
  }
};

@CommandHandler(ChangeUnits)
export class ChangeUnitsHandler implements ICommandHandler<ChangeUnits, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, context }: ChangeUnits): Promise<CommandResult> {
    const touched = unitsTouched(command);
    // Out of scope is 404 before anything else, so that a refusal never reveals what exists.
    for (const id of touched) requireReadable(context.scope, id);
    requireRole(context.scope, 'plan-coordinator', 'changing the organisation tree');
    for (const id of touched) requireWritable(context.scope, id);
    return runDecider<UnitRegistry, UnitEvent>(
      this.store,
      UNIT_REGISTRY_STREAM,
      { initial: initialRegistry, evolve: evolveRegistry },
      (state) => decideUnits(command, state),
      context,
      (e) => startOfDayInVietnam((e.data as { effectiveOn: string }).effectiveOn),
    );
  }
}
