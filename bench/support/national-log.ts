import type { LogWriter } from './log-writer';
import { NationalTree, regimesOf, writePlans, writeUnits } from './national-tree';
import {
  ObligationBook,
  openPeriods,
  writeAcknowledgements,
  writeActivities,
  writeCompletions,
  writeReports,
} from './national-activities';

/**
 * The national log, written through the domain's deciders in the order a year would write it (the
 * first `provinces` of the 34: all by default, or BENCH_PROVINCES). `midway` runs when the reporting
 * periods are open and half the activities written (a test asks dashboards there, then again at the end).
 */
export const writeNationalLog = async (
  w: LogWriter,
  provinces?: number,
  midway?: () => Promise<void>,
): Promise<NationalTree> => {
  const { provinces: written, registry, seedKeys } = await writeUnits(w, provinces);
  const obligations = await writePlans(w, written, registry, seedKeys);
  const tree: NationalTree = {
    rootId: 'bo-noi-vu',
    provinces: written,
    units: registry.units,
    obligations,
    regimes: regimesOf(written, seedKeys),
  };
  const book = new ObligationBook(obligations);
  await writeAcknowledgements(w, tree, book);
  await writeActivities(w, tree, book, [0, 1]);
  const periods = await openPeriods(w, tree);
  await midway?.();
  await writeActivities(w, tree, book, [2, 3]);
  await writeCompletions(w, tree, book);
  await writeReports(w, periods);
  return tree;
};
