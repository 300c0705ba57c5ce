import { ConcurrencyError } from '@gl/event-store';
import { appendFollowUp, Decision } from './stream-runner';

const written = { stream: 'obligation-o1', revision: 3, position: '42' };
const conflicting = (): Decision => ({
  stream: 'obligation-o1',
  events: 1,
  replayed: false,
  append: () => Promise.reject(new ConcurrencyError('obligation-o1', 1, 2)),
});
const fine = (): Decision => ({
  stream: 'obligation-o1',
  events: 1,
  replayed: false,
  append: () => Promise.resolve(written),
});

describe("a command's second write, after its first was appended", () => {
  it('decides again when another writer moved its stream, and is written', async () => {
    const again = jest.fn().mockResolvedValueOnce(conflicting()).mockResolvedValueOnce(fine());
    await expect(appendFollowUp(conflicting(), again)).resolves.toEqual(written);
    expect(again).toHaveBeenCalledTimes(2);
  });

  it('gives up after a few conflicts, and passes on any other error at once', async () => {
    await expect(appendFollowUp(conflicting(), () => Promise.resolve(conflicting()), 3)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    const refused = new Error('no longer in force');
    const again = jest.fn();
    await expect(appendFollowUp({ ...fine(), append: () => Promise.reject(refused) }, again)).rejects.toBe(refused);
    expect(again).not.toHaveBeenCalled();
  });
});
