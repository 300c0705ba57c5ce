import { RightsBarrier } from './rights-barrier';

const tick = () => new Promise((r) => setImmediate(r));

describe('RightsBarrier', () => {
  it('lets writes run together', async () => {
    const b = new RightsBarrier();
    const [a, c] = await Promise.all([b.write(), b.write()]);
    a();
    c();
  });

  it('holds a change of rights until the writes in flight are done, and later writes until it is', async () => {
    const b = new RightsBarrier();
    const order: string[] = [];
    const first = await b.write();
    const change = b.changeRights().then((done) => (order.push('change'), done));
    const later = b.write().then((done) => (order.push('later write'), done));
    await tick();
    expect(order).toEqual([]);
    first();
    const doneChange = await change;
    await tick();
    expect(order).toEqual(['change']);
    doneChange();
    (await later)();
    expect(order).toEqual(['change', 'later write']);
  });

  it('ignores a second release', async () => {
    const b = new RightsBarrier();
    const done = await b.write();
    done();
    done();
    const change = await b.changeRights();
    change();
  });
});
