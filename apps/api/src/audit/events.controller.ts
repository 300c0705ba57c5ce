import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { eventTypeCatalogue, ListEvents, Principal, SubjectResolver, visibleTo } from '@gl/application';
import { EVENT_STORE, EventStore, isPosition, RecordedEvent, START } from '@gl/event-store';
import { AppConfig, APP_CONFIG, AuthenticatedRequest, CurrentPrincipal, ShutdownState } from '@gl/platform';
import { EventsQueryDto } from './events.dto';

/** When the server shuts down, clients wait 1–5 s before reconnecting, so they do not all land on the next one at once. */
const reconnectAfterMs = () => 1000 + Math.floor(Math.random() * 4000);

const matchesFeed = (e: RecordedEvent, q: EventsQueryDto) =>
  (!q.types?.length || q.types.some((t) => e.type.startsWith(t))) && (!q.categories?.length || q.categories.includes(e.stream.split('-', 1)[0]));

/**
 * The event feed for integrating systems: pages after a position, and a Server-Sent Events stream
 * (`id` = global position; resume with Last-Event-ID), both filtered to what the caller may see.
 */
@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subjects: SubjectResolver,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('event-types')
  @ApiOperation({ summary: 'Every event type with a JSON Schema of its data, and the envelope' })
  types() {
    return eventTypeCatalogue();
  }

  @Get('events')
  @ApiOperation({ summary: 'A page of events after a position, by type prefix and stream category; `next` continues' })
  page(@CurrentPrincipal() p: Principal, @Query() q: EventsQueryDto) {
    return this.queries.execute(new ListEvents(p.scope, { after: q.after, types: q.types, categories: q.categories }, q.limit));
  }

  @Get('events/stream')
  @ApiOperation({ summary: 'Server-Sent Events: catch up from Last-Event-ID (or ?after, default the start), then live, with heartbeats; at shutdown a comment and a `retry:` hint end it' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last position received; the stream resumes strictly after it' })
  async stream(@CurrentPrincipal() p: Principal, @Query() q: EventsQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const resume = req.header('last-event-id');
    const after = resume && isPosition(resume) ? resume : q.after ?? START;
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const sub = this.store.subscribeToAll({ after, filter: { typePrefixes: q.types, categories: q.categories } });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.config.sseHeartbeatMs);
    let ended: string | null = null;
    const end = (reason: 'grant-revoked' | 'token-expired' | 'shutting-down') => {
      if (ended) return;
      ended = reason;
      void sub.stop();
    };
    const unregister = this.shutdown.onEndStreams(() => end('shutting-down'));
    const rights = this.watchRights(p.actor.userId, await this.store.headPosition(), () => end('grant-revoked'));
    const expiry = (req as AuthenticatedRequest).tokenExpiresAt;
    let expires: NodeJS.Timeout | undefined;
    // Timers hold at most 2^31 - 1 ms (about 24 days): a longer token's expiry is waited for in steps.
    const arm = () => {
      const left = expiry ? expiry.getTime() - Date.now() : Infinity;
      if (left <= 0) end('token-expired');
      else if (Number.isFinite(left)) expires = setTimeout(arm, Math.min(left, 2_147_483_647));
    };
    arm();
    req.on('close', () => {
      unregister();
      clearInterval(heartbeat);
      clearTimeout(expires);
      void rights.stop();
      void sub.stop();
    });
    try {
      for await (const e of sub) {
        if (!matchesFeed(e, q)) continue;
        const subjectUnitIds = await this.subjects.of(e);
        if (!visibleTo(p.scope, e, subjectUnitIds)) continue;
        const ok = res.write(`id: ${e.position}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...e, subjectUnitIds })}\n\n`);
        if (!ok) await new Promise((r) => res.once('drain', r));
      }
    } finally {
      unregister();
      clearInterval(heartbeat);
      clearTimeout(expires);
      void rights.stop();
      // Shutting down, a comment and a retry hint: EventSource reconnects (elsewhere) with Last-Event-ID.
      // Otherwise the last word says why the stream ends, so a client knows not to resume with the same token.
      if (ended === 'shutting-down') res.write(`: server shutting down, reconnect to resume\nretry: ${reconnectAfterMs()}\n\n`);
      else if (ended) res.write(`event: end\ndata: ${JSON.stringify({ reason: ended })}\n\n`);
      res.end();
    }
  }

  /** Calls `revoked` when a role of this person is revoked after `from` (read from the log, not a projection). */
  private watchRights(userId: string, from: string, revoked: () => void) {
    const sub = this.store.subscribeToAll({ after: from, filter: { typePrefixes: ['user.role-revoked.'] } });
    void (async () => {
      for await (const e of sub) {
        if ((e.data as { userId?: string }).userId === userId) {
          revoked();
          break;
        }
      }
    })();
    return sub;
  }
}
