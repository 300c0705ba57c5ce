import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      host: '0.0.0.0',
      port: 3000,
      dataDir: './data',
      webDir: './dist/web',
      publicBaseUrl: 'http://localhost:3000',
      webhooks: {
        deliver: true,
        retryScheduleMs: [5000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000],
        retryJitter: 0.2,
        disableAfterMs: 432_000_000,
        connectTimeoutMs: 5000,
        timeoutMs: 15_000,
        allowPrivate: false,
        rotationOverlapMs: 86_400_000,
        attemptsRetentionDays: 30,
        senderThread: true,
      },
      eventStore: { kind: 'sqlite', synchronous: 'FULL' },
      logLevel: 'info',
      logFormat: 'auto',
      bodyLimitBytes: 1048576,
      jsonMaxDepth: 32,
      jsonMaxItems: 1000,
      urlLimitBytes: 8192,
      headerLimitBytes: 16_384,
      readStore: { kind: 'embedded' },
      runProjections: true,
      readWaitMaxMs: 5000,
      readyMaxLagSeconds: 120,
      projectorPort: 3001,
      auth: {
        jwtSecret: null,
        issuer: 'grassroots-ledger',
        audience: 'grassroots-ledger-api',
        oidcJwksUrl: null,
        oidcIssuer: null,
        oidcClientId: null,
        oidcScope: 'openid profile',
        oidcResource: null,
        tokenTtlSeconds: 28800,
        maxTokenLifetimeSeconds: 86_400,
        clockSkewSeconds: 60,
      },
      seedOnEmpty: true,
      scheduler: true,
      timeTravelMaxEvents: 2_000_000,
      readModelSnapshotEvery: 20_000,
      readModelOnDisk: 'large',
      readModelCacheMiB: 256,
      sseHeartbeatMs: 15_000,
      sealPrivateKey: null,
      sealIntervalMs: 300_000,
      idempotencyTtlSeconds: 86_400,
      shutdown: { timeoutMs: 10_000, delayMs: 0 },
      rateLimits: { enabled: true, windowSeconds: 60, perUser: 600, perAddress: 3000, failedAuthPerAddress: 20 },
      trustProxy: false,
    });
  });

  it('refuses production without a way to verify tokens, and does not seed there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /"JWT_SECRET" or "OIDC_JWKS_URL" is required when NODE_ENV=production/,
    );
    const c = loadConfig({
      NODE_ENV: 'production',
      OIDC_JWKS_URL: 'https://id.example.vn/jwks',
      READ_STORE: 'mongodb',
      MONGODB_URL: 'mongodb://m/gl',
    });
    expect(c.seedOnEmpty).toBe(false);
    expect(c.auth.oidcJwksUrl).toBe('https://id.example.vn/jwks');
  });

  it("reads the web app's sign-in at the identity provider (production: no seed unless asked)", () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://id.cantho.gov.vn',
      OIDC_JWKS_URL: 'https://id.cantho.gov.vn/jwks',
      OIDC_CLIENT_ID: 'grassroots-ledger-web',
      OIDC_RESOURCE: 'https://ledger.cantho.gov.vn/api',
      SEED_ON_EMPTY: 'true',
    });
    expect(c.auth).toMatchObject({
      oidcIssuer: 'https://id.cantho.gov.vn',
      oidcClientId: 'grassroots-ledger-web',
      oidcScope: 'openid profile',
      oidcResource: 'https://ledger.cantho.gov.vn/api',
    });
    expect(c.seedOnEmpty).toBe(true);
  });

  it('reads MongoDB settings; the api leaves projections to the projector unless told otherwise', () => {
    const c = loadConfig({ READ_STORE: 'mongodb', MONGODB_URL: 'mongodb://localhost:27017/gl?replicaSet=rs0' });
    expect(c.readStore).toEqual({ kind: 'mongodb', url: 'mongodb://localhost:27017/gl?replicaSet=rs0' });
    expect(c.runProjections).toBe(false);
    expect(
      loadConfig({ READ_STORE: 'mongodb', MONGODB_URL: 'mongodb://m/gl', RUN_PROJECTIONS: 'true' }).runProjections,
    ).toBe(true);
  });

  it('reads KurrentDB settings', () => {
    const c = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
      PORT: '8080',
    });
    expect(c.eventStore).toEqual({ kind: 'kurrentdb', url: 'kurrentdb://localhost:2113?tls=false' });
    expect(c.port).toBe(8080);
  });

  it('accepts synchronous NORMAL in any case', () => {
    expect(loadConfig({ SQLITE_SYNCHRONOUS: 'normal' }).eventStore).toEqual({ kind: 'sqlite', synchronous: 'NORMAL' });
  });

  it.each([
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE', 'must be one of [sqlite, kurrentdb]'],
    [{ PORT: 'eighty' }, 'PORT', 'must be a number'],
    [{ PORT: '70000' }, 'PORT', 'must be a valid port'],
    [{ EVENT_STORE: 'kurrentdb' }, 'KURRENTDB_URL', 'is required'],
    [{ KURRENTDB_URL: 'http://localhost:2113' }, 'KURRENTDB_URL', 'must be a valid uri'],
    [{ SQLITE_SYNCHRONOUS: 'SOMETIMES' }, 'SQLITE_SYNCHRONOUS', 'must be one of'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV', 'must be one of'],
    [{ READ_STORE: 'redis' }, 'READ_STORE', 'must be one of [embedded, mongodb]'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET', 'at least 32 characters'],
    [{ TOKEN_TTL_SECONDS: '5' }, 'TOKEN_TTL_SECONDS', 'greater than or equal to 60'],
    [{ READ_STORE: 'mongodb' }, 'MONGODB_URL', 'is required'],
    [{ MONGODB_URL: 'postgres://x' }, 'MONGODB_URL', 'must be a valid uri'],
    [{ RUN_PROJECTIONS: 'false' }, 'RUN_PROJECTIONS', 'must be true with READ_STORE=embedded'],
    [
      { RUN_PROJECTIONS: 'maybe', READ_STORE: 'mongodb', MONGODB_URL: 'mongodb://m/gl' },
      'RUN_PROJECTIONS',
      'must be a boolean',
    ],
    [{ TIME_TRAVEL_MAX_EVENTS: '-1' }, 'TIME_TRAVEL_MAX_EVENTS', 'greater than or equal to 0'],
    [{ TIME_TRAVEL_MAX_EVENTS: '1e6.5' }, 'TIME_TRAVEL_MAX_EVENTS', 'must be a number'],
    [{ SSE_HEARTBEAT_MS: '5' }, 'SSE_HEARTBEAT_MS', 'greater than or equal to 10'],
    [{ SEAL_PRIVATE_KEY: 'not a key' }, 'SEAL_PRIVATE_KEY', 'must be an Ed25519 private key in PEM'],
    [
      {
        SEAL_PRIVATE_KEY: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
          type: 'pkcs8',
          format: 'pem',
        }) as string,
      },
      'SEAL_PRIVATE_KEY',
      'must be an Ed25519 private key',
    ],
    [{ SEAL_INTERVAL_MS: '-1' }, 'SEAL_INTERVAL_MS', 'greater than or equal to 0'],
    [{ IDEMPOTENCY_TTL_SECONDS: '30' }, 'IDEMPOTENCY_TTL_SECONDS', 'greater than or equal to 60'],
    [{ IDEMPOTENCY_TTL_SECONDS: '3600.5' }, 'IDEMPOTENCY_TTL_SECONDS', 'must be an integer'],
    [{ IDEMPOTENCY_TTL_SECONDS: String(31 * 86_400) }, 'IDEMPOTENCY_TTL_SECONDS', 'less than or equal to 2592000'],
    [
      { TOKEN_TTL_SECONDS: '7200', TOKEN_MAX_LIFETIME_SECONDS: '3600' },
      'TOKEN_MAX_LIFETIME_SECONDS',
      'greater than or equal to ref:TOKEN_TTL_SECONDS',
    ],
    [{ TOKEN_CLOCK_SKEW_SECONDS: '3600' }, 'TOKEN_CLOCK_SKEW_SECONDS', 'less than or equal to 600'],
    [{ SHUTDOWN_DELAY_MS: '10000' }, 'SHUTDOWN_DELAY_MS', 'less than ref:SHUTDOWN_TIMEOUT_MS'],
    [{ RATE_LIMIT_ENABLED: 'sometimes' }, 'RATE_LIMIT_ENABLED', 'must be a boolean'],
    [{ RATE_LIMIT_PER_USER: '0' }, 'RATE_LIMIT_PER_USER', 'greater than or equal to 1'],
    [{ OIDC_CLIENT_ID: 'web', OIDC_JWKS_URL: 'https://id.example.vn/jwks' }, 'OIDC_CLIENT_ID', 'OIDC_ISSUER'],
    [{ OIDC_CLIENT_ID: 'web', OIDC_ISSUER: 'https://id.example.vn' }, 'OIDC_CLIENT_ID', 'OIDC_JWKS_URL'],
    [{ OIDC_SCOPE: 'profile email' }, 'OIDC_SCOPE', 'must include openid'],
    [
      { OIDC_ISSUER: 'https://id', OIDC_JWKS_URL: 'https://id/jwks', OIDC_CLIENT_ID: 'web', OIDC_RESOURCE: 'api' },
      'OIDC_RESOURCE',
      'must be a valid uri',
    ],
    [{ OIDC_RESOURCE: 'https://ledger.example.vn/api' }, 'OIDC_RESOURCE', 'OIDC_CLIENT_ID'],
  ])('refuses %j and names %s', (env, variable, text) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problem = (error as ConfigError).problems.find((p) => p.variable === variable);
    expect(problem?.message).toContain(text);
    expect((error as Error).message).toContain(variable);
  });

  it('keeps the longest token lifetime at least what this process issues, and reads the proxy setting as Express does', () => {
    expect(loadConfig({ TOKEN_TTL_SECONDS: String(3 * 86_400) }).auth.maxTokenLifetimeSeconds).toBe(3 * 86_400);
    expect(loadConfig({ TOKEN_MAX_LIFETIME_SECONDS: '43200' }).auth.maxTokenLifetimeSeconds).toBe(43_200);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(
      loadConfig({ RATE_LIMIT_ENABLED: 'false', SHUTDOWN_TIMEOUT_MS: '3000', SHUTDOWN_DELAY_MS: '500' }),
    ).toMatchObject({ rateLimits: { enabled: false }, shutdown: { timeoutMs: 3000, delayMs: 500 } });
  });

  it('reads a seal key given with escaped newlines, as environment files carry it', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(loadConfig({ SEAL_PRIVATE_KEY: pem.replace(/\n/g, '\\n'), SEAL_INTERVAL_MS: '0' })).toMatchObject({
      sealPrivateKey: pem,
      sealIntervalMs: 0,
    });
  });

  it('reads how long Idempotency-Keys are remembered', () => {
    expect(loadConfig({ IDEMPOTENCY_TTL_SECONDS: '3600' }).idempotencyTtlSeconds).toBe(3600);
  });

  it('reads the time-travel limit, the snapshots’ spacing and the SSE heartbeat', () => {
    expect(
      loadConfig({
        TIME_TRAVEL_MAX_EVENTS: '500000',
        READ_MODEL_SNAPSHOT_EVERY: '0',
        READ_MODEL_ON_DISK: 'none',
        READ_MODEL_CACHE_MIB: '64',
        SSE_HEARTBEAT_MS: '30000',
      }),
    ).toMatchObject({
      timeTravelMaxEvents: 500_000,
      readModelSnapshotEvery: 0,
      readModelOnDisk: 'none',
      readModelCacheMiB: 64,
      sseHeartbeatMs: 30_000,
    });
  });

  it("reads the log format and the limits on nesting, URLs and headers; a URL limit above the headers' is refused", () => {
    expect(
      loadConfig({ LOG_FORMAT: 'pretty', JSON_MAX_DEPTH: '64', URL_LIMIT_BYTES: '4096', HEADER_LIMIT_BYTES: '32768' }),
    ).toMatchObject({ logFormat: 'pretty', jsonMaxDepth: 64, urlLimitBytes: 4096, headerLimitBytes: 32_768 });
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => loadConfig({ JSON_MAX_DEPTH: '1000' })).toThrow(/JSON_MAX_DEPTH/);
    expect(() => loadConfig({ URL_LIMIT_BYTES: '20000' })).toThrow(/URL_LIMIT_BYTES/);
    expect(() => loadConfig({ READ_MODEL_ON_DISK: 'all' })).toThrow(/READ_MODEL_ON_DISK/);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', EVENT_STORE: 'y' })).toThrow(/PORT[\s\S]*EVENT_STORE|EVENT_STORE[\s\S]*PORT/);
  });

  it('reads webhook waits in their units, and refuses private receivers in production', () => {
    expect(loadConfig({ WEBHOOK_RETRY_SCHEDULE: '50ms, 1s,2m,1h' }).webhooks.retryScheduleMs).toEqual([
      50, 1000, 120_000, 3_600_000,
    ]);
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE: '5 seconds' })).toThrow(/WEBHOOK_RETRY_SCHEDULE/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), WEBHOOK_ALLOW_PRIVATE: 'true' }),
    ).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(loadConfig({ READ_STORE: 'mongodb', MONGODB_URL: 'mongodb://localhost/x' }).webhooks.deliver).toBe(false);
  });
});
