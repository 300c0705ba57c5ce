import { prettyLogs } from './logger.module';

describe('log format', () => {
  it('is pretty for a person at a terminal outside production, JSON otherwise (auto)', () => {
    expect(prettyLogs({ logFormat: 'auto', nodeEnv: 'development' }, true)).toBe(true);
    expect(prettyLogs({ logFormat: 'auto', nodeEnv: 'development' }, false)).toBe(false);
    expect(prettyLogs({ logFormat: 'auto', nodeEnv: 'production' }, true)).toBe(false);
  });

  it('is what LOG_FORMAT says when it says json or pretty', () => {
    expect(prettyLogs({ logFormat: 'json', nodeEnv: 'development' }, true)).toBe(false);
    expect(prettyLogs({ logFormat: 'pretty', nodeEnv: 'production' }, false)).toBe(true);
  });
});
