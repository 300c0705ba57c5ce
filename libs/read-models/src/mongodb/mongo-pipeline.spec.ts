import { rewritePipeline, withoutTombstones } from './mongo-pipeline';

describe('MongoDB pipeline rewriting', () => {
  const physical = (c: string) => `${c}__g3`;

  it('points lookups, unions and graph lookups at live generations, at any depth, without tombstones', () => {
    expect(
      rewritePipeline(
        [
          { $match: { kind: 'ward' } },
          { $lookup: { from: 'units', localField: 'parent', foreignField: '_id', as: 'p' } },
          {
            $facet: {
              a: [{ $unionWith: 'reports' }],
              b: [
                {
                  $graphLookup: {
                    from: 'units',
                    startWith: '$parent',
                    connectFromField: 'parent',
                    connectToField: '_id',
                    as: 'up',
                  },
                },
              ],
            },
          },
        ],
        physical,
      ),
    ).toEqual([
      { $match: { kind: 'ward' } },
      {
        $lookup: {
          from: 'units__g3',
          localField: 'parent',
          foreignField: '_id',
          as: 'p',
          pipeline: [{ $match: { _deleted: { $ne: true } } }],
        },
      },
      {
        $facet: {
          a: [{ $unionWith: { coll: 'reports__g3', pipeline: [{ $match: { _deleted: { $ne: true } } }] } }],
          b: [
            {
              $graphLookup: {
                from: 'units__g3',
                startWith: '$parent',
                connectFromField: 'parent',
                connectToField: '_id',
                as: 'up',
                restrictSearchWithMatch: { _deleted: { $ne: true } },
              },
            },
          ],
        },
      },
    ]);
  });

  it('adds the tombstone guard to a filter', () => {
    expect(withoutTombstones({})).toEqual({ _deleted: { $ne: true } });
    expect(withoutTombstones({ a: 1 })).toEqual({ $and: [{ a: 1 }, { _deleted: { $ne: true } }] });
  });
});
