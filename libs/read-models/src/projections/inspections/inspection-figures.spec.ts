import { addFigures } from '../../engine/figures';
import { inspectionFigures } from './inspection-figures';
import type { InspectionDoc } from './inspections.projection';

/** An inspection of Tân An by Sở Nội vụ, only planned; each case conducts or closes it. */
const inspection = (overrides: Partial<InspectionDoc>): InspectionDoc => ({
  inspectionId: 'kt-1',
  inspectingUnitId: 'so-noi-vu',
  inspectedUnitId: 'ninh-kieu-tan-an',
  planId: 'cantho-2023-ldcs',
  taskCodes: ['IV.2', 'II.4'],
  plannedFrom: '2023-10-16',
  plannedTo: '2023-10-20',
  decision: { number: '120/QĐ-SNV', date: '2023-10-02', issuer: 'Sở Nội vụ' },
  title: 'Kiểm tra',
  year: 2023,
  status: 'planned',
  conducted: null,
  findings: [],
  followUps: [],
  closed: null,
  history: [],
  ...overrides,
});

const conducted = {
  heldOn: '2023-10-17',
  endedOn: '2023-10-18',
  inspectors: [{ name: 'A', title: 'Chuyên viên' }],
};
const findings = [
  { taskCode: 'IV.2', finding: 'Đúng hạn', rating: 'good' },
  { taskCode: 'II.4', finding: 'Chưa có quy chế', rating: 'unsatisfactory' },
] as InspectionDoc['findings'];
const followUp = (id: string, answeredOn: string | null) => ({
  followUpId: id,
  request: 'Ban hành quy chế',
  requestedOn: '2023-10-25',
  dueOn: '2023-11-30',
  answer: answeredOn ? 'Đã ban hành' : null,
  answeredOn,
  documentNumber: null,
});

describe('inspection figures', () => {
  it('adds nothing for an inspection only planned', () => {
    expect(inspectionFigures.contribution(inspection({}))).toBeNull();
  });

  it('counts a conducted inspection under the inspected unit, by year then the month it was held', () => {
    const i = inspection({
      status: 'conducted',
      conducted,
      findings,
      followUps: [followUp('kn-1', '2023-11-20'), followUp('kn-2', null), followUp('kn-3', null)],
    });
    expect(inspectionFigures.contribution(i)).toEqual({
      unitId: 'ninh-kieu-tan-an',
      figures: { y: { '2023': { '2023-10': { held: 1, findings: 2, followUpsOpen: 2, followUpsClosed: 1 } } } },
    });
  });

  it('keeps counting a closed inspection, with its follow-ups as they are', () => {
    const i = inspection({
      status: 'closed',
      conducted,
      findings,
      followUps: [followUp('kn-1', '2023-11-20')],
      closed: {
        closedOn: '2023-12-01',
        conclusion: 'Đạt',
        document: { number: '15/KL-SNV', date: '2023-12-01', issuer: 'Sở Nội vụ' },
      },
    });
    expect(inspectionFigures.contribution(i)?.figures).toEqual({
      y: { '2023': { '2023-10': { held: 1, findings: 2, followUpsOpen: 0, followUpsClosed: 1 } } },
    });
  });

  it("counts in the document's year, under the month it was held", () => {
    // The projection sets the year to the year it was held; the month key comes from heldOn itself.
    const i = inspection({
      year: 2024,
      status: 'conducted',
      conducted: { ...conducted, heldOn: '2024-01-09' },
      findings,
    });
    expect(inspectionFigures.contribution(i)?.figures).toEqual({
      y: { '2024': { '2024-01': { held: 1, findings: 2, followUpsOpen: 0, followUpsClosed: 0 } } },
    });
  });

  it('leaves no zero leaf once summed: an inspection without follow-ups shows none', () => {
    const i = inspection({ status: 'conducted', conducted, findings });
    expect(addFigures({}, inspectionFigures.contribution(i)!.figures, 1)).toEqual({
      y: { '2023': { '2023-10': { held: 1, findings: 2 } } },
    });
    expect(inspectionFigures.collection).toBe('inspection-figures');
  });
});
