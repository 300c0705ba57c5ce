import { BatchPuller, batchesOf } from './batch-puller';

async function* source<T>(ready: T[], later: T[]) {
  for (const n of ready) yield n;
  await new Promise((r) => setTimeout(r, 20));
  for (const n of later) yield n;
}

describe('BatchPuller', () => {
  it('takes what is ready in one batch, up to the maximum, and keeps the rest for later', async () => {
    const puller = new BatchPuller(source([1, 2, 3, 4, 5], [6, 7])[Symbol.asyncIterator]());
    expect(await puller.next(3)).toEqual([1, 2, 3]);
    expect(await puller.next(10)).toEqual([4, 5]);
    expect(await puller.next(10)).toEqual([6, 7]);
    expect(await puller.next(10)).toBeNull();
  });

  it('loses nothing across many small batches', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => i);
    const puller = new BatchPuller(source(all.slice(0, 500), all.slice(500))[Symbol.asyncIterator]());
    const seen: number[] = [];
    for (let b = await puller.next(7); b; b = await puller.next(7)) seen.push(...b);
    expect(seen).toEqual(all);
  });

  it('weighs items when told: pages of events count their events', async () => {
    const pages = [[1, 2, 3], [4, 5], [6, 7, 8, 9], [10]];
    const puller = new BatchPuller(source(pages, [[11]])[Symbol.asyncIterator](), (p) => p.length);
    expect(await puller.next(4)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(await puller.next(4)).toEqual([[6, 7, 8, 9]]);
    expect(await puller.next(4)).toEqual([[10]]);
    expect(await puller.next(4)).toEqual([[11]]);
    expect(await puller.next(4)).toBeNull();
  });

  it('gives an iterable in batches (batchesOf)', async () => {
    const got: number[][] = [];
    for await (const b of batchesOf(source([1, 2, 3], [4]), 2)) got.push(b);
    expect(got).toEqual([[1, 2], [3], [4]]);
  });
});
