import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  asyncApiDocument,
  cloudEventOf,
  EventEnvelopeSchema,
  eventTypeCatalogue,
  eventTypeSchema,
  ListEvents,
  pageOfEvents,
  Principal,
  SubjectResolver,
  visibleTo,
} from '@gl/application';
import { EVENT_STORE, EventStore, isPosition, RecordedEvent, START } from '@gl/event-store';
import {
  Answers,
  AppConfig,
  APP_CONFIG,
  AuthenticatedRequest,
  CurrentPrincipal,
  ParamOf,
  Public,
  QueryOf,
  ShutdownState,
} from '@gl/platform';
import { wordsOf } from '../shared/common.schemas';
import { EventsQuery, StreamQuery } from './audit.requests';
import { AsyncApiAnswer, EventsPageAnswer, EventTypeSchemaAnswer, EventTypesAnswer } from './audit.responses';

/** When the server shuts down, clients wait 1–5 s before reconnecting, so they do not all land on the next one at once. */
const reconnectAfterMs = () => 1000 + Math.floor(Math.random() * 4000);

const SSE = 'text/event-stream';

type EventsPage = Awaited<ReturnType<typeof pageOfEvents>>;

/** What the feed asks for: type prefixes and stream categories, each given comma-separated or repeated. */
const feedOf = (q: Pick<StreamQuery, 'after' | 'types' | 'categories'>) => ({
  after: q.after,
  types: wordsOf(q.types),
  categories: wordsOf(q.categories),
});

const matchesFeed = (e: RecordedEvent, f: ReturnType<typeof feedOf>) =>
  (!f.types?.length || f.types.some((t) => e.type.startsWith(t))) &&
  (!f.categories?.length || f.categories.includes(e.stream.split('-', 1)[0]));

/**
 * The event feed for integrating systems: pages after a position, and a Server-Sent Events stream
 * (`id` = global position; resume with Last-Event-ID), both filtered to what the caller may see, in
 * the ledger's envelope or as CloudEvents (`?format=cloudevents`). The catalogue of event types and
 * the AsyncAPI document are public: a webhook receiver fetches a CloudEvent's `dataschema` without a token.
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

  /** Built once, at the first request: it depends only on the schemas and PUBLIC_BASE_URL. */
  private asyncApiJson?: Record<string, unknown>;

  @Public()
  @Get('event-types')
  @ApiOperation({ summary: 'Every event type with a JSON Schema of its data, and the envelope (public)' })
  @Answers(EventTypesAnswer)
  types() {
    return eventTypeCatalogue(this.config.publicBaseUrl);
  }

  @Public()
  @Get('event-types/:type')
  @ApiOperation({
    summary:
      "One event type's data schema (public): a CloudEvent's `dataschema`; `$id` is this address under PUBLIC_BASE_URL",
  })
  @Answers(EventTypeSchemaAnswer)
  typeSchema(@ParamOf('type', EventEnvelopeSchema.properties.type) type: string) {
    return eventTypeSchema(type, this.config.publicBaseUrl);
  }

  @Public()
  @Get('asyncapi.json')
  @ApiOperation({
    summary: 'The AsyncAPI 3.0 document (public): the webhooks, the SSE stream, a message per event type',
  })
  @Answers(AsyncApiAnswer)
  asyncApi() {
    this.asyncApiJson ??= asyncApiDocument(this.config.publicBaseUrl);
    return this.asyncApiJson;
  }

  @Get('events')
  @ApiOperation({
    summary:
      'A page of events after a position, by type prefix and stream category; `next` continues; `format=cloudevents` gives CloudEvents',
  })
  @Answers(EventsPageAnswer)
  async page(@CurrentPrincipal() p: Principal, @QueryOf(EventsQuery) q: EventsQuery) {
    const page = await this.queries.execute<ListEvents, EventsPage>(new ListEvents(p.scope, feedOf(q), q.limit));
    if (q.format !== 'cloudevents') return page;
    return { ...page, items: page.items.map((e) => cloudEventOf(e, e.subjectUnitIds, this.config.publicBaseUrl)) };
  }

  @Get('events/stream')
  @ApiOperation({
    summary:
      'Server-Sent Events: catch up from Last-Event-ID (or ?after, default the start), then live, with heartbeats; at shutdown a comment and a `retry:` hint end it. ' +
      'Unnamed events by default, so `EventSource.onmessage` receives every one (`named=true`: `event: <type>`); `format=cloudevents`: each `data` a CloudEvent',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The last position received; the stream resumes strictly after it',
  })
  @ApiProduces(SSE)
  @ApiOkResponse({
    description:
      'Server-Sent Events: `id` the global position, `data` one event as GET /events gives it in the `format` asked (its `type` in it), ' +
      '`event: <type>` only with `named=true`; a named `event: end` (data `{"reason":"grant-revoked"|"token-expired"}`) says why a stream ends. ' +
      'The AsyncAPI document (/api/v1/asyncapi.json) describes every message',
    content: { [SSE]: { schema: { type: 'string' } } },
  })
  async stream(
    @CurrentPrincipal() p: Principal,
    @QueryOf(StreamQuery) q: StreamQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const feed = feedOf(q);
    const resume = req.header('last-event-id');
    const after = resume && isPosition(resume) ? resume : (feed.after ?? START);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const sub = this.store.subscribeToAll({ after, filter: { typePrefixes: feed.types, categories: feed.categories } });
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
        if (!matchesFeed(e, feed)) continue;
        const subjectUnitIds = await this.subjects.of(e);
        if (!visibleTo(p.scope, e, subjectUnitIds)) continue;
        const data =
          q.format === 'cloudevents'
            ? cloudEventOf(e, subjectUnitIds, this.config.publicBaseUrl)
            : { ...e, subjectUnitIds };
        const name = q.named ? `event: ${e.type}\n` : '';
        const ok = res.write(`id: ${e.position}\n${name}data: ${JSON.stringify(data)}\n\n`);
        if (!ok) await new Promise((r) => res.once('drain', r));
      }
    } finally {
      unregister();
      clearInterval(heartbeat);
      clearTimeout(expires);
      void rights.stop();
      // Shutting down, a comment and a retry hint: EventSource reconnects (elsewhere) with Last-Event-ID.
      // Otherwise the last word says why the stream ends, so a client knows not to resume with the same token.
      if (ended === 'shutting-down')
        res.write(`: server shutting down, reconnect to resume\nretry: ${reconnectAfterMs()}\n\n`);
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
