import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeUnits, CommandContext, CommandResult, GetUnit, GetUnitLineage, GetUnitTree, ListUnits, newIdFor, Principal,
} from '@gl/application';
import { Clock, NewUnit, UnitCommand, vietnamDateOf } from '@gl/domain';
import { CLOCK, CurrentPrincipal, WriteContext } from '@gl/platform';
import { WriteResultDto } from '../shared/common.dto';
import {
  AbolishLevelDto, AsOfQueryDto, DissolveUnitDto, EstablishUnitDto, ListUnitsQueryDto, MergeUnitsDto, NewUnitDto, ReclassifyUnitDto,
  RecodeUnitDto, RenameUnitDto, ReparentUnitDto, SplitUnitDto, TransferPartDto, TreeQueryDto,
} from './units.dto';

const newUnit = (dto: NewUnitDto, ctx: CommandContext, purpose: string): NewUnit => ({
  unitId: dto.unitId ?? newIdFor(ctx, purpose),
  name: dto.name,
  nameEn: dto.nameEn ?? null,
  code: dto.code ?? null,
  kind: dto.kind,
  subtype: dto.subtype ?? null,
  level: dto.level,
  parentId: dto.parentId ?? null,
});

/**
 * The organisation tree (đơn vị) and its history. Reads are filtered to the caller's scope; changes
 * are the plan coordinator's, each with its effective day and legal basis.
 */
@ApiTags('units')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried write with the same key records nothing new and gets the first answer' })
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

  private change(command: UnitCommand, ctx: CommandContext, unitId?: string): Promise<CommandResult & { unitId?: string }> {
    return this.commands.execute<ChangeUnits, CommandResult>(new ChangeUnits(command, ctx)).then((r) => ({ ...r, ...(unitId && { unitId }) }));
  }

  @Get()
  @ApiOperation({ summary: 'Units standing on a day (default today), by kind, level, parent, or name search without diacritics' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListUnitsQueryDto) {
    return this.queries.execute(new ListUnits(p.scope, q.asOf ?? this.today(), { kind: q.kind, level: q.level, parentId: q.parentId, underId: q.underId, q: q.q }, q.page, q.pageSize));
  }

  @Get('tree')
  @ApiOperation({ summary: 'The tree as it stood on a day (default today), from what the caller may see' })
  tree(@CurrentPrincipal() p: Principal, @Query() q: TreeQueryDto) {
    return this.queries.execute(new GetUnitTree(p.scope, q.asOf ?? this.today(), q.rootId));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit as it stood on a day, with its whole recorded history' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: AsOfQueryDto) {
    return this.queries.execute(new GetUnit(p.scope, id, q.asOf ?? this.today()));
  }

  @Get(':id/lineage')
  @ApiOperation({ summary: 'Predecessors and successors through every merger, split and transfer' })
  lineage(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetUnitLineage(p.scope, id));
  }

  @Post()
  @ApiOperation({ summary: 'Establish a unit (or record one that already existed)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  establish(@WriteContext() ctx: CommandContext, @Body() dto: EstablishUnitDto) {
    const unit = newUnit(dto, ctx, 'unit');
    return this.change({ type: 'EstablishUnit', ...unit, effectiveOn: dto.effectiveOn, legalBasis: dto.legalBasis ?? null, asExisting: dto.asExisting ?? false }, ctx, unit.unitId);
  }

  @Post(':id/renaming')
  @ApiCreatedResponse({ type: WriteResultDto })
  rename(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: RenameUnitDto) {
    return this.change({ type: 'RenameUnit', unitId: id, ...dto }, ctx);
  }

  @Post(':id/recoding')
  @ApiCreatedResponse({ type: WriteResultDto })
  recode(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: RecodeUnitDto) {
    return this.change({ type: 'RecodeUnit', unitId: id, ...dto, code: dto.code ?? null }, ctx);
  }

  @Post(':id/reclassification')
  @ApiCreatedResponse({ type: WriteResultDto })
  reclassify(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: ReclassifyUnitDto) {
    return this.change({ type: 'ReclassifyUnit', unitId: id, ...dto, subtype: dto.subtype ?? null }, ctx);
  }

  @Post(':id/reparenting')
  @ApiCreatedResponse({ type: WriteResultDto })
  reparent(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: ReparentUnitDto) {
    return this.change({ type: 'ReparentUnit', unitId: id, ...dto, parentId: dto.parentId ?? null }, ctx);
  }

  @Post(':id/split')
  @ApiCreatedResponse({ type: WriteResultDto })
  split(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: SplitUnitDto) {
    const successors = dto.successors.map((s, i) => newUnit(s, ctx, `split-${i}`));
    return this.change({ type: 'SplitUnit', unitId: id, effectiveOn: dto.effectiveOn, legalBasis: dto.legalBasis, successors }, ctx);
  }

  @Post(':id/part-transfers')
  @ApiCreatedResponse({ type: WriteResultDto })
  transfer(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: TransferPartDto) {
    return this.change({ type: 'TransferPart', fromUnitId: id, ...dto }, ctx);
  }

  @Post(':id/dissolution')
  @ApiCreatedResponse({ type: WriteResultDto })
  dissolve(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: DissolveUnitDto) {
    return this.change({ type: 'DissolveUnit', unitId: id, ...dto }, ctx);
  }

  @Post('mergers')
  @HttpCode(201)
  @ApiOperation({ summary: 'Merge n units into one: a new unit, or one predecessor absorbing the others' })
  @ApiCreatedResponse({ type: WriteResultDto })
  merge(@WriteContext() ctx: CommandContext, @Body() dto: MergeUnitsDto) {
    const successor = dto.successor ? newUnit(dto.successor, ctx, 'merger') : { unitId: dto.continuingUnitId ?? '' };
    return this.change({ type: 'MergeUnits', effectiveOn: dto.effectiveOn, legalBasis: dto.legalBasis, predecessors: dto.predecessors, successor }, ctx, successor.unitId);
  }

  @Post('level-abolitions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Abolish a whole level (e.g. the district level from 2025-07-01); children pass to the level above' })
  @ApiCreatedResponse({ type: WriteResultDto })
  abolish(@WriteContext() ctx: CommandContext, @Body() dto: AbolishLevelDto) {
    return this.change({ type: 'AbolishLevel', ...dto }, ctx);
  }
}
