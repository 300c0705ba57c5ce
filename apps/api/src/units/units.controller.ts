import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeUnits,
  CommandContext,
  CommandResult,
  GetUnit,
  GetUnitLineage,
  GetUnitTree,
  ListUnits,
  newIdFor,
  Principal,
} from '@gl/application';
import { Clock, NewUnit, UnitCommand, vietnamDateOf } from '@gl/domain';
import { Answers, BodyOf, CLOCK, CurrentPrincipal, QueryOf, WriteContext } from '@gl/platform';
import {
  AbolishBody,
  AsOfQuery,
  DissolveBody,
  EstablishBody,
  ListUnitsQuery,
  MergeBody,
  NewUnitBody,
  ReclassifyBody,
  RecodeBody,
  RenameBody,
  ReparentBody,
  SplitBody,
  TransferBody,
  TreeQuery,
} from './units.requests';
import { UnitAnswer, UnitLineage, UnitsPage, UnitTree, UnitWriteResult } from './units.responses';

const newUnit = (body: NewUnitBody, ctx: CommandContext, purpose: string): NewUnit => ({
  unitId: body.unitId ?? newIdFor(ctx, purpose),
  name: body.name,
  nameEn: body.nameEn ?? null,
  code: body.code ?? null,
  kind: body.kind,
  subtype: body.subtype ?? null,
  level: body.level,
  parentId: body.parentId ?? null,
});

/**
 * The organisation tree (đơn vị) and its history. Reads are filtered to the caller's scope; changes
 * are the plan coordinator's, each with its effective day and legal basis.
 */
@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return vietnamDateOf(this.clock.now());
  }

  private change(
    command: UnitCommand,
    ctx: CommandContext,
    unitId?: string,
  ): Promise<CommandResult & { unitId?: string }> {
    return this.commands
      .execute<ChangeUnits, CommandResult>(new ChangeUnits(command, ctx))
      .then((r) => ({ ...r, ...(unitId && { unitId }) }));
  }

  @Get()
  @ApiOperation({
    summary: 'Units standing on a day (default today), by kind, level, parent, or name search without diacritics',
  })
  @Answers(UnitsPage)
  list(@CurrentPrincipal() p: Principal, @QueryOf(ListUnitsQuery) q: ListUnitsQuery) {
    return this.queries.execute(
      new ListUnits(
        p.scope,
        q.asOf ?? this.today(),
        { kind: q.kind, level: q.level, parentId: q.parentId, underId: q.underId, q: q.q },
        q.page,
        q.pageSize,
      ),
    );
  }

  @Get('tree')
  @ApiOperation({ summary: 'The tree as it stood on a day (default today), from what the caller may see' })
  @Answers(UnitTree)
  @ApiNotFoundResponse({ description: 'The root unit did not stand on that day, or is not in your scope' })
  tree(@CurrentPrincipal() p: Principal, @QueryOf(TreeQuery) q: TreeQuery) {
    return this.queries.execute(new GetUnitTree(p.scope, q.asOf ?? this.today(), q.rootId));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit as it stood on a day, with its whole recorded history' })
  @Answers(UnitAnswer)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @QueryOf(AsOfQuery) q: AsOfQuery) {
    return this.queries.execute(new GetUnit(p.scope, id, q.asOf ?? this.today()));
  }

  @Get(':id/lineage')
  @ApiOperation({ summary: 'Predecessors and successors through every merger, split and transfer' })
  @Answers(UnitLineage)
  lineage(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetUnitLineage(p.scope, id));
  }

  @Post()
  @ApiOperation({ summary: 'Establish a unit (or record one that already existed)' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  establish(@WriteContext() ctx: CommandContext, @BodyOf(EstablishBody) body: EstablishBody) {
    const unit = newUnit(body, ctx, 'unit');
    return this.change(
      {
        type: 'EstablishUnit',
        ...unit,
        effectiveOn: body.effectiveOn,
        legalBasis: body.legalBasis ?? null,
        asExisting: body.asExisting ?? false,
      },
      ctx,
      unit.unitId,
    );
  }

  @Post(':id/renaming')
  @ApiOperation({ summary: 'Rename a unit from a day, on a legal basis (its English name kept unless given)' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  rename(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(RenameBody) body: RenameBody) {
    return this.change({ type: 'RenameUnit', unitId: id, ...body }, ctx);
  }

  @Post(':id/recoding')
  @ApiOperation({ summary: 'Give a unit a new official code (or none) from a day' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  recode(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(RecodeBody) body: RecodeBody) {
    return this.change({ type: 'RecodeUnit', unitId: id, ...body, code: body.code ?? null }, ctx);
  }

  @Post(':id/reclassification')
  @ApiOperation({ summary: 'Change the kind, subtype or level of a unit from a day (a xã becomes a phường)' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  reclassify(
    @WriteContext() ctx: CommandContext,
    @Param('id') id: string,
    @BodyOf(ReclassifyBody) body: ReclassifyBody,
  ) {
    return this.change({ type: 'ReclassifyUnit', unitId: id, ...body, subtype: body.subtype ?? null }, ctx);
  }

  @Post(':id/reparenting')
  @ApiOperation({ summary: 'Move a unit under another parent (or none) from a day' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  reparent(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(ReparentBody) body: ReparentBody) {
    return this.change({ type: 'ReparentUnit', unitId: id, ...body, parentId: body.parentId ?? null }, ctx);
  }

  @Post(':id/split')
  @ApiOperation({ summary: 'Split a unit into new ones (1 → n), with the share of each part where the act records it' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  split(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(SplitBody) body: SplitBody) {
    const successors = body.successors.map((s, i) => ({
      ...newUnit(s, ctx, `split-${i}`),
      ...(s.share != null && { share: s.share }),
    }));
    return this.change(
      { type: 'SplitUnit', unitId: id, effectiveOn: body.effectiveOn, legalBasis: body.legalBasis, successors },
      ctx,
    );
  }

  @Post(':id/part-transfers')
  @ApiOperation({ summary: 'Pass part of a unit to another; both go on' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  transfer(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(TransferBody) body: TransferBody) {
    return this.change({ type: 'TransferPart', fromUnitId: id, ...body }, ctx);
  }

  @Post(':id/dissolution')
  @ApiOperation({ summary: 'Dissolve a unit that has no unit under it any more' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  dissolve(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(DissolveBody) body: DissolveBody) {
    return this.change({ type: 'DissolveUnit', unitId: id, ...body }, ctx);
  }

  @Post('mergers')
  @HttpCode(201)
  @ApiOperation({ summary: 'Merge n units into one: a new unit, or one predecessor absorbing the others' })
  @Answers(UnitWriteResult, 201, 'Recorded')
  merge(@WriteContext() ctx: CommandContext, @BodyOf(MergeBody) body: MergeBody) {
    const successor = body.successor ? newUnit(body.successor, ctx, 'merger') : { unitId: body.continuingUnitId ?? '' };
    return this.change(
      {
        type: 'MergeUnits',
        effectiveOn: body.effectiveOn,
        legalBasis: body.legalBasis,
        predecessors: body.predecessors,
        successor,
      },
      ctx,
      successor.unitId,
    );
  }

  @Post('level-abolitions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Abolish a whole level (e.g. the district level from 2025-07-01); children pass to the level above',
  })
  @Answers(UnitWriteResult, 201, 'Recorded')
  abolish(@WriteContext() ctx: CommandContext, @BodyOf(AbolishBody) body: AbolishBody) {
    return this.change({ type: 'AbolishLevel', ...body }, ctx);
  }
}
