import type { UnitKind, UnitLevel } from './unit.types';

/** Cấp: the levels as Vietnamese administration names them. */
export const LEVEL_NAMES_VI: Record<UnitLevel, string> = {
  central: 'cấp trung ương',
  city: 'cấp thành phố',
  district: 'cấp huyện',
  commune: 'cấp xã',
};

/** Loại đơn vị: the kinds of unit, in Vietnamese. */
export const KIND_NAMES_VI: Record<UnitKind, string> = {
  ministry: 'Bộ, ngành trung ương',
  'ministry-department': 'Vụ, cục thuộc Bộ',
  'city-peoples-committee': 'Ủy ban nhân dân thành phố',
  'peoples-council': 'Hội đồng nhân dân',
  department: 'Sở, ban, ngành',
  'public-service-unit': 'Đơn vị sự nghiệp công lập',
  'state-enterprise': 'Doanh nghiệp nhà nước',
  'non-state-enterprise': 'Doanh nghiệp ngoài nhà nước',
  district: 'Quận, huyện',
  commune: 'Phường, xã, thị trấn',
  'fatherland-front': 'Mặt trận Tổ quốc',
  'labour-federation': 'Liên đoàn Lao động',
  media: 'Cơ quan báo chí',
  other: 'Khác',
};

/** The Vietnamese name of a level or kind; an unknown code is shown as it is. */
export const levelNameVi = (level: string): string => (LEVEL_NAMES_VI as Record<string, string>)[level] ?? level;
export const kindNameVi = (kind: string): string => (KIND_NAMES_VI as Record<string, string>)[kind] ?? kind;
