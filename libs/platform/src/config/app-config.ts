import { createPrivateKey } from 'node:crypto';
import Joi from 'joi';
import { SQLITE_SYNCHRONOUS_LEVELS, SqliteSynchronous } from '@gl/event-store/sqlite';

/** Everything the processes read from the environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Embedded stores' files (events.db, read models, generated secrets). */
  dataDir: string;
  /** The built web app (`npm run build` writes dist/web), served at `/`; absent: only the API is served. */
  webDir: string;
  eventStore: { kind: 'sqlite'; synchronous: SqliteSynchronous } | { kind: 'kurrentdb'; url: string };
  readStore: { kind: 'embedded' } | { kind: 'mongodb'; url: string };
  /** Whether this api process runs the projections (always with the embedded read store). */
  runProjections: boolean;
  /** Longest wait a query may ask for, until the read models reach a position (read-your-writes). */
  readWaitMaxMs: number;
  /** Readiness fails when a live projection is further behind than this. */
  readyMaxLagSeconds: number;
  /** Port of the projector's health and metrics endpoints. */
  projectorPort: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** pino-pretty for a person, JSON for machines; `auto`: pretty when not production and stdout is a terminal. */
  logFormat: 'auto' | 'json' | 'pretty';
  auth: {
    /** HS256 secret; when absent in embedded mode, one is generated into DATA_DIR/jwt-secret. */
    jwtSecret: string | null;
    issuer: string;
    audience: string;
    /** Verifies tokens of an identity provider (RS256/ES256/PS256) in production. */
    oidcJwksUrl: string | null;
    oidcIssuer: string | null;
    /** The web app's public client at the identity provider: with OIDC_ISSUER, the sign-in page offers it. */
    oidcClientId: string | null;
    /** The scopes the web app asks for (always with `openid`). */
    oidcScope: string;
    /** RFC 8707 resource indicator the web app asks for, so the provider's access token names this API; null: none sent. */
    oidcResource: string | null;
    tokenTtlSeconds: number;
    /** Longest lifetime (exp − iat) a token may claim; a longer one is refused, whoever signed it. */
    maxTokenLifetimeSeconds: number;
    /** How far a token's iat/nbf may lie in the future, and its exp in the past: clocks differ a little, never a year. */
    clockSkewSeconds: number;
  };
  /** Load the seed plan and demo users into an empty store at start. */
  seedOnEmpty: boolean;
  /** Run the yearly scheduler (obligations of yearly tasks, reporting periods) in this api process. */
  scheduler: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Deepest nesting of objects and arrays a JSON body may have; deeper is refused before it is parsed. */
  jsonMaxDepth: number;
  /** Most items an array, or members an object, of a JSON body may have: a ceiling under every field's own bound. */
  jsonMaxItems: number;
  /** Longest request target (path and query) accepted, in bytes; longer is 414. */
  urlLimitBytes: number;
  /** Node's limit on the request line and headers together, in bytes; more is 431. */
  headerLimitBytes: number;
  /** The most events an "as of" query replays; the past stores kept together hold no more. */
  timeTravelMaxEvents: number;
  /** A snapshot of each projection a dashboard reads every this many events, for "as of" to start from; 0: none. */
  readModelSnapshotEvery: number;
  /** Embedded read store: `large` keeps the collections that grow with the log in its file, not in memory; `none` keeps every one in memory. */
  readModelOnDisk: 'large' | 'none';
  /** Embedded read store: SQLite's page cache for read-models.db, in MiB (outside the heap). */
  readModelCacheMiB: number;
  /** How often an SSE connection gets a comment line, so proxies keep it open. */
  sseHeartbeatMs: number;
  /** Ed25519 private key (PEM) that signs seals; null: one generated in DATA_DIR/seal-key.pem. */
  sealPrivateKey: string | null;
  /** How often the log is sealed (0: never, by the api; `npm run cli -- audit seal` still can). */
  sealIntervalMs: number;
  /** The address integrators reach this api at: the `source` and `dataschema` of CloudEvents, the AsyncAPI servers. */
  publicBaseUrl: string;
  /** Push delivery to registered endpoints (issue 16, ADR 0011). */
  webhooks: {
    /** Whether this process delivers: the api with the embedded read store, the projector with MongoDB. */
    deliver: boolean;
    /** Waits before the 2nd, 3rd, … attempt of one event, in ms; the last repeats until the endpoint is disabled. */
    retryScheduleMs: number[];
    /** ± this share of each wait is random, so receivers coming back are not hit all at once. */
    retryJitter: number;
    /** An endpoint failing without a success for this long is disabled. */
    disableAfterMs: number;
    connectTimeoutMs: number;
    /** The whole attempt (connect, send, the answer's status and first KiB). */
    timeoutMs: number;
    /** Private, loopback and link-local addresses allowed (tests, development); never in production. */
    allowPrivate: boolean;
    /** How long the old secret still signs after a rotation. */
    rotationOverlapMs: number;
    /** Delivery attempts are kept this long. */
    attemptsRetentionDays: number;
    /** The HTTP client and the signatures in a worker thread (the second core); false: on the dispatcher's thread. */
    senderThread: boolean;
  };
  /** How long an Idempotency-Key is remembered after its first use (the client's window for retries). */
  idempotencyTtlSeconds: number;
  /** On SIGTERM/SIGINT: readiness 503 for `delayMs` while still serving, then drain; forced exit 1 after `timeoutMs`. */
  shutdown: { timeoutMs: number; delayMs: number };
  /** Fixed windows of `windowSeconds`: requests per user and per client address; failed authentications per address. */
  rateLimits: {
    enabled: boolean;
    windowSeconds: number;
    perUser: number;
    perAddress: number;
    failedAuthPerAddress: number;
  };
  /** Express "trust proxy": whose X-Forwarded-For names the client address (false: the socket's peer is the client). */
  trustProxy: boolean | number | string;
}

const schema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'test', 'production').default('development'),
  HOST: Joi.string().hostname().default('0.0.0.0'),
  PORT: Joi.number().port().default(3000),
  DATA_DIR: Joi.string().min(1).default('./data'),
  WEB_DIR: Joi.string().min(1).default('./dist/web'),
  EVENT_STORE: Joi.string().valid('sqlite', 'kurrentdb').default('sqlite'),
  SQLITE_SYNCHRONOUS: Joi.string()
    .uppercase()
    .valid(...SQLITE_SYNCHRONOUS_LEVELS)
    .default('FULL'),
  KURRENTDB_URL: Joi.string()
    .uri({ scheme: ['kurrentdb', 'kurrentdb+discover', 'esdb', 'esdb+discover', 'kdb', 'kdb+discover'] })
    .when('EVENT_STORE', { is: 'kurrentdb', then: Joi.required() }),
  READ_STORE: Joi.string().valid('embedded', 'mongodb').default('embedded'),
  MONGODB_URL: Joi.string()
    .uri({ scheme: ['mongodb', 'mongodb+srv'] })
    .when('READ_STORE', { is: 'mongodb', then: Joi.required() }),
  RUN_PROJECTIONS: Joi.boolean().when('READ_STORE', {
    is: 'embedded',
    then: Joi.any().valid(true).default(true).messages({
      'any.only':
        '"RUN_PROJECTIONS" must be true with READ_STORE=embedded: the api is the only process that can run them',
    }),
    otherwise: Joi.any().default(false),
  }),
  READ_WAIT_MAX_MS: Joi.number().integer().min(0).max(60_000).default(5000),
  READY_MAX_LAG_SECONDS: Joi.number().min(1).default(120),
  PROJECTOR_PORT: Joi.number().port().default(3001),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  LOG_FORMAT: Joi.string().valid('auto', 'json', 'pretty').default('auto'),
  JWT_SECRET: Joi.string().min(32).messages({ 'string.min': '"JWT_SECRET" must be at least 32 characters' }),
  JWT_ISSUER: Joi.string().default('grassroots-ledger'),
  JWT_AUDIENCE: Joi.string().default('grassroots-ledger-api'),
  OIDC_JWKS_URL: Joi.string().uri({ scheme: ['https', 'http'] }),
  OIDC_ISSUER: Joi.string(),
  // The web app signs in as a public client (authorization code with PKCE, no secret); its tokens verify through the JWKS.
  OIDC_CLIENT_ID: Joi.string().max(500),
  OIDC_SCOPE: Joi.string()
    .max(500)
    .pattern(/(^| )openid( |$)/)
    .messages({ 'string.pattern.base': '"OIDC_SCOPE" must include openid' })
    .default('openid profile'),
  // An absolute URI without a fragment (RFC 8707 §2); a bare audience such as "grassroots-ledger-api" is not one.
  OIDC_RESOURCE: Joi.string()
    .max(500)
    .uri()
    .pattern(/^[^#]*$/)
    .messages({ 'string.pattern.base': '"OIDC_RESOURCE" must be an absolute URI without a fragment' }),
  TOKEN_TTL_SECONDS: Joi.number()
    .integer()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  // 24 h covers a working day's token with room; never below what this process itself issues.
  TOKEN_MAX_LIFETIME_SECONDS: Joi.number()
    .integer()
    .min(Joi.ref('TOKEN_TTL_SECONDS'))
    .max(30 * 86_400)
    .default((env: { TOKEN_TTL_SECONDS: number }) => Math.max(86_400, env.TOKEN_TTL_SECONDS)),
  TOKEN_CLOCK_SKEW_SECONDS: Joi.number().integer().min(0).max(600).default(60),
  SEED_ON_EMPTY: Joi.boolean().when('NODE_ENV', {
    is: 'production',
    then: Joi.any().default(false),
    otherwise: Joi.any().default(true),
  }),
  SCHEDULER: Joi.boolean().default(true),
  BODY_LIMIT_BYTES: Joi.number()
    .integer()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  // Bodies of the API are a few levels deep (the seed files, whole, are 7): 32 is room, not an invitation.
  JSON_MAX_DEPTH: Joi.number().integer().min(4).max(256).default(32),
  // A province's communes (about 100) or a plan's recipients fit many times; 100,000 items cost seconds to validate.
  JSON_MAX_ITEMS: Joi.number().integer().min(100).max(100_000).default(1000),
  // 8 KiB, the request line a common proxy (nginx's large_client_header_buffers) passes; half of the headers' 16 KiB.
  URL_LIMIT_BYTES: Joi.number().integer().min(1024).max(Joi.ref('HEADER_LIMIT_BYTES')).default(8192),
  // Node's own default, made explicit: a bearer token, the ids and a long URL fit.
  HEADER_LIMIT_BYTES: Joi.number()
    .integer()
    .min(4096)
    .max(1024 * 1024)
    .default(16 * 1024),
  TIME_TRAVEL_MAX_EVENTS: Joi.number().integer().min(0).default(2_000_000),
  READ_MODEL_SNAPSHOT_EVERY: Joi.number().integer().min(0).default(20_000),
  READ_MODEL_ON_DISK: Joi.string().valid('large', 'none').default('large'),
  // The indexes of a million events' documents fit: a rebuild no longer rereads and rewrites their pages (issue 17).
  READ_MODEL_CACHE_MIB: Joi.number().integer().min(2).max(65_536).default(256),
  SSE_HEARTBEAT_MS: Joi.number().integer().min(10).max(300_000).default(15_000),
  SEAL_PRIVATE_KEY: Joi.string().custom((v: string, helpers) => {
    try {
      if (createPrivateKey(v.replace(/\\n/g, '\n')).asymmetricKeyType === 'ed25519') return v;
    } catch {
      // reported below
    }
    return helpers.message({ custom: '"SEAL_PRIVATE_KEY" must be an Ed25519 private key in PEM' });
  }),
  SEAL_INTERVAL_MS: Joi.number()
    .integer()
    .min(0)
    .max(24 * 3600_000)
    .default(300_000),
  PUBLIC_BASE_URL: Joi.string()
    .uri({ scheme: ['https', 'http'] })
    .default('http://localhost:3000'),
  WEBHOOKS_DELIVER: Joi.boolean().when('READ_STORE', {
    is: 'embedded',
    then: Joi.any().default(true),
    otherwise: Joi.any().default(false),
  }),
  // Standard Webhooks' own schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h): about a day in all.
  WEBHOOK_RETRY_SCHEDULE: Joi.string()
    .pattern(/^\s*\d+(ms|s|m|h)\s*(,\s*\d+(ms|s|m|h)\s*)*$/)
    .default('5s,5m,30m,2h,5h,10h,10h')
    .messages({ 'string.pattern.base': '"WEBHOOK_RETRY_SCHEDULE" is waits like 5s,5m,30m,2h (units ms, s, m, h)' }),
  WEBHOOK_RETRY_JITTER: Joi.number().min(0).max(0.5).default(0.2),
  WEBHOOK_DISABLE_AFTER_MS: Joi.number()
    .integer()
    .min(1000)
    .default(5 * 86_400_000),
  WEBHOOK_CONNECT_TIMEOUT_MS: Joi.number().integer().min(10).max(60_000).default(5000),
  WEBHOOK_TIMEOUT_MS: Joi.number().integer().min(10).max(300_000).default(15_000),
  WEBHOOK_ALLOW_PRIVATE: Joi.boolean()
    .default(false)
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.valid(false).messages({ 'any.only': '"WEBHOOK_ALLOW_PRIVATE" may not be true in production' }),
    }),
  WEBHOOK_ROTATION_OVERLAP_MS: Joi.number()
    .integer()
    .min(0)
    .max(30 * 86_400_000)
    .default(86_400_000),
  WEBHOOK_ATTEMPTS_RETENTION_DAYS: Joi.number().integer().min(1).max(3650).default(30),
  WEBHOOK_SENDER_THREAD: Joi.boolean().default(true),
  // At least the in-flight lease (60 s); at most 30 days, beyond which records only pile up.
  IDEMPOTENCY_TTL_SECONDS: Joi.number()
    .integer()
    .min(60)
    .max(30 * 86_400)
    .default(86_400),
  // Within Kubernetes' default grace of 30 s, with room for the delay before it.
  SHUTDOWN_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(10_000),
  SHUTDOWN_DELAY_MS: Joi.number().integer().min(0).less(Joi.ref('SHUTDOWN_TIMEOUT_MS')).default(0),
  RATE_LIMIT_ENABLED: Joi.boolean().default(true),
  RATE_LIMIT_WINDOW_SECONDS: Joi.number().integer().min(1).max(3600).default(60),
  RATE_LIMIT_PER_USER: Joi.number().integer().min(1).default(600),
  RATE_LIMIT_PER_ADDRESS: Joi.number().integer().min(1).default(3000),
  RATE_LIMIT_FAILED_AUTH_PER_ADDRESS: Joi.number().integer().min(1).default(20),
  TRUST_PROXY: Joi.alternatives(Joi.boolean(), Joi.number().integer().min(0), Joi.string()).default(false),
})
  .unknown(true)
  .with('OIDC_CLIENT_ID', ['OIDC_ISSUER', 'OIDC_JWKS_URL'])
  .with('OIDC_RESOURCE', 'OIDC_CLIENT_ID')
  .custom((env, helpers) =>
    env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.OIDC_JWKS_URL
      ? helpers.message({ custom: '"JWT_SECRET" or "OIDC_JWKS_URL" is required when NODE_ENV=production' })
      : env,
  );

/** A bad environment: names every variable that is wrong and why. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment and returns the typed configuration, or throws ConfigError. */
export const loadConfig = (env: Record<string, string | undefined>): AppConfig => {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const { error, value } = schema.validate(given, { abortEarly: false, convert: true });
  if (error) {
    throw new ConfigError(
      error.details.map((d) => ({
        variable: String(d.path[0] ?? d.message.match(/"([A-Z_]+)"/)?.[1] ?? 'environment'),
        message: `${d.message}${d.context?.value !== undefined ? ` (got ${JSON.stringify(d.context.value)})` : ''}`,
      })),
    );
  }
  return {
    nodeEnv: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    dataDir: value.DATA_DIR,
    webDir: value.WEB_DIR,
    eventStore:
      value.EVENT_STORE === 'kurrentdb'
        ? { kind: 'kurrentdb', url: value.KURRENTDB_URL }
        : { kind: 'sqlite', synchronous: value.SQLITE_SYNCHRONOUS },
    readStore: value.READ_STORE === 'mongodb' ? { kind: 'mongodb', url: value.MONGODB_URL } : { kind: 'embedded' },
    runProjections: value.RUN_PROJECTIONS,
    readWaitMaxMs: value.READ_WAIT_MAX_MS,
    readyMaxLagSeconds: value.READY_MAX_LAG_SECONDS,
    projectorPort: value.PROJECTOR_PORT,
    logLevel: value.LOG_LEVEL,
    logFormat: value.LOG_FORMAT,
    auth: {
      jwtSecret: value.JWT_SECRET ?? null,
      issuer: value.JWT_ISSUER,
      audience: value.JWT_AUDIENCE,
      oidcJwksUrl: value.OIDC_JWKS_URL ?? null,
      oidcIssuer: value.OIDC_ISSUER ?? null,
      oidcClientId: value.OIDC_CLIENT_ID ?? null,
      oidcScope: value.OIDC_SCOPE,
      oidcResource: value.OIDC_RESOURCE ?? null,
      tokenTtlSeconds: value.TOKEN_TTL_SECONDS,
      maxTokenLifetimeSeconds: value.TOKEN_MAX_LIFETIME_SECONDS,
      clockSkewSeconds: value.TOKEN_CLOCK_SKEW_SECONDS,
    },
    seedOnEmpty: value.SEED_ON_EMPTY,
    scheduler: value.SCHEDULER,
    bodyLimitBytes: value.BODY_LIMIT_BYTES,
    jsonMaxDepth: value.JSON_MAX_DEPTH,
    jsonMaxItems: value.JSON_MAX_ITEMS,
    urlLimitBytes: value.URL_LIMIT_BYTES,
    headerLimitBytes: value.HEADER_LIMIT_BYTES,
    timeTravelMaxEvents: value.TIME_TRAVEL_MAX_EVENTS,
    readModelSnapshotEvery: value.READ_MODEL_SNAPSHOT_EVERY,
    readModelOnDisk: value.READ_MODEL_ON_DISK,
    readModelCacheMiB: value.READ_MODEL_CACHE_MIB,
    sseHeartbeatMs: value.SSE_HEARTBEAT_MS,
    sealPrivateKey: value.SEAL_PRIVATE_KEY ? value.SEAL_PRIVATE_KEY.replace(/\\n/g, '\n') : null,
    sealIntervalMs: value.SEAL_INTERVAL_MS,
    idempotencyTtlSeconds: value.IDEMPOTENCY_TTL_SECONDS,
    publicBaseUrl: value.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    webhooks: {
      deliver: value.WEBHOOKS_DELIVER,
      retryScheduleMs: parseWaits(value.WEBHOOK_RETRY_SCHEDULE),
      retryJitter: value.WEBHOOK_RETRY_JITTER,
      disableAfterMs: value.WEBHOOK_DISABLE_AFTER_MS,
      connectTimeoutMs: value.WEBHOOK_CONNECT_TIMEOUT_MS,
      timeoutMs: value.WEBHOOK_TIMEOUT_MS,
      allowPrivate: value.WEBHOOK_ALLOW_PRIVATE,
      rotationOverlapMs: value.WEBHOOK_ROTATION_OVERLAP_MS,
      attemptsRetentionDays: value.WEBHOOK_ATTEMPTS_RETENTION_DAYS,
      senderThread: value.WEBHOOK_SENDER_THREAD,
    },
    shutdown: { timeoutMs: value.SHUTDOWN_TIMEOUT_MS, delayMs: value.SHUTDOWN_DELAY_MS },
    rateLimits: {
      enabled: value.RATE_LIMIT_ENABLED,
      windowSeconds: value.RATE_LIMIT_WINDOW_SECONDS,
      perUser: value.RATE_LIMIT_PER_USER,
      perAddress: value.RATE_LIMIT_PER_ADDRESS,
      failedAuthPerAddress: value.RATE_LIMIT_FAILED_AUTH_PER_ADDRESS,
    },
    trustProxy: value.TRUST_PROXY,
  };
};

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `5s,5m,2h` → [5000, 300000, 7200000]. */
export const parseWaits = (text: string): number[] =>
  text.split(',').map((w) => {
    const m = /^\s*(\d+)(ms|s|m|h)\s*$/.exec(w)!;
    return Number(m[1]) * UNIT_MS[m[2]];
  });

/** Every variable the schema knows, with its default where that is a plain value (.env.example is checked against it). */
export const configVariables = (): { name: string; default?: unknown }[] =>
  Object.entries((schema.describe() as { keys: Record<string, { flags?: { default?: unknown } }> }).keys).map(
    ([name, d]) => ({
      name,
      ...(d.flags && 'default' in d.flags && typeof d.flags.default !== 'function' && { default: d.flags.default }),
    }),
  );

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
