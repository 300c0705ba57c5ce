import type { CalendarDate } from '@gl/domain';
import { INDICATOR_VI } from './xlsx';

/*
 * What a report says about who issues it, where and to whom, in the form of Decree 30/2020/NĐ-CP
 * (Appendix I): pure functions from the unit tree's names and kinds, used by docx.ts.
 */

/** A unit as the heading needs it: its name and kind on the day the report fell due. */
export interface HeadingUnit {
  name: string;
  kind: string;
}

/** Upper case, as the decree writes the names of bodies (NFC, so that "Ủ" stays one letter). */
const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');

/** "Sở Nội vụ thành phố Cần Thơ" under the city: "Sở Nội vụ" (the chủ quản line already names the city). */
const withoutCity = (name: string, city: string | null) => {
  const place = city ? placeName(city) : null;
  return place ? name.replace(new RegExp(`\\s+(thành phố|tỉnh)\\s+${place}$`, 'u'), '') : name;
};

/** Administrative units a People's Committee governs: "Quận Ninh Kiều" is governed by "Ủy ban nhân dân". */
const GOVERNED = ['district', 'commune'];

/**
 * Tên cơ quan, tổ chức ban hành văn bản: the chủ quản line (not bold) when the body stands under
 * the city's People's Committee, and the body's own lines (bold). A district or commune issues as
 * its People's Committee: "ỦY BAN NHÂN DÂN" / "PHƯỜNG TÂN AN".
 */
export const issuerLines = (unit: HeadingUnit, city: HeadingUnit | null): { parent: string | null; body: string[] } => {
  if (GOVERNED.includes(unit.kind)) return { parent: null, body: ['ỦY BAN NHÂN DÂN', upper(unit.name)] };
  if (unit.kind === 'city-peoples-committee')
    return { parent: null, body: ['ỦY BAN NHÂN DÂN', upper(unit.name.replace(/^Ủy ban nhân dân\s+/u, ''))] };
  const parent = city ? `UBND ${upper(city.name.replace(/^Ủy ban nhân dân\s+/u, ''))}` : null;
  return { parent, body: [upper(withoutCity(unit.name, city?.name ?? null))] };
};

const SMALL_WORDS = new Set(['và', '-', '–', 'các']);

/** Chữ viết tắt of the issuing body, for the ký hiệu (BC-SNV) and the archive line: initials, "UBND" for a People's Committee. */
export const issuerAbbreviation = (unit: HeadingUnit, city: HeadingUnit | null): string => {
  if (GOVERNED.includes(unit.kind) || unit.kind === 'city-peoples-committee') return 'UBND';
  const words = withoutCity(unit.name, city?.name ?? null)
    .normalize('NFC')
    .split(/[\s,]+/u)
    .filter((w) => w && !SMALL_WORDS.has(w.toLocaleLowerCase('vi-VN')));
  return upper(words.map((w) => w[0]).join(''));
};

/**
 * Địa danh (Appendix I, I.5): the proper name of the administrative unit where the body sits —
 * "Cần Thơ" for the city and its departments, "Ninh Kiều" for the district, "Tân An" for the ward;
 * a unit named by a number keeps its word ("Phường 1").
 */
export const placeName = (name: string): string => {
  const rest = name
    .normalize('NFC')
    .replace(/^Ủy ban nhân dân\s+/iu, '')
    .replace(/^(thành phố|tỉnh|quận|huyện|thị xã|thị trấn|phường|xã)\s+/iu, '');
  return /^\d+$/.test(rest) ? name : rest;
};

/** The place of a unit's report: its own for a district or commune, otherwise the city's (a constant when the tree has none). */
export const placeOf = (unit: HeadingUnit, city: HeadingUnit | null): string =>
  GOVERNED.includes(unit.kind) ? placeName(unit.name) : city ? placeName(city.name) : CITY_PLACE;
/** The seed's city, for a unit whose tree names no city People's Committee. */
export const CITY_PLACE = 'Cần Thơ';

/**
 * Quyền hạn, chức vụ của người ký: a People's Committee signs collectively (TM. ỦY BAN NHÂN DÂN /
 * CHỦ TỊCH); a department by its head, whose title its name gives.
 */
export const signerTitle = (unit: HeadingUnit): string[] => {
  const name = unit.name.normalize('NFC');
  if (GOVERNED.includes(unit.kind) || unit.kind === 'city-peoples-committee')
    return ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  if (unit.kind === 'fatherland-front') return ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH'];
  if (unit.kind === 'labour-federation') return ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'];
  if (/^Thanh tra/u.test(name)) return ['CHÁNH THANH TRA'];
  if (/^Văn phòng/u.test(name)) return ['CHÁNH VĂN PHÒNG'];
  if (/^Ban /u.test(name)) return ['TRƯỞNG BAN'];
  if (/^Trường/u.test(name)) return ['HIỆU TRƯỞNG'];
  if (/^Báo /u.test(name)) return ['TỔNG BIÊN TẬP'];
  return ['GIÁM ĐỐC'];
};

/** "Cần Thơ, ngày 05 tháng 3 năm 2023": a day under 10 and the months 1 and 2 take a leading 0 (Appendix I, I.5.b). */
export const placeAndDate = (place: string, day: CalendarDate): string => {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  const dd = String(d).padStart(2, '0');
  const mm = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
};

/** A whole number in vi-VN form (dots between thousands), exactly, at any size. */
export const viNumber = (v: number | string): string => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** An indicator's row: its Vietnamese name and its value, money as "1.234.567 đồng". */
export const indicatorRow = (key: string, v: number | string, money: readonly string[]): [string, string] => {
  const label = INDICATOR_VI[key] ?? key;
  return money.includes(key) ? [label.replace(/\s*\(đồng\)$/u, ''), `${viNumber(v)} đồng`] : [label, viNumber(v)];
};

/** A line of Nơi nhận: a district or commune receives as its People's Committee ("UBND quận Ninh Kiều"). */
export const recipientName = (unit: HeadingUnit): string =>
  GOVERNED.includes(unit.kind) ? `UBND ${unit.name[0].toLocaleLowerCase('vi-VN')}${unit.name.slice(1)}` : unit.name;
