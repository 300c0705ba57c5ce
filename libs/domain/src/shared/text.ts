/**
 * Folds Vietnamese text for search: NFD, combining marks removed, đ/Đ to d, lower case, spaces
 * collapsed. "Ninh Kiều" and "ninh kieu" fold to the same string; so do "Đài" and "dai".
 */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
