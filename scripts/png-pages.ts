import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/*
 * Pages side by side in one PNG, with nothing but Node: pdftoppm writes each page as a binary PPM
 * (P6: a text header, then RGB bytes), and a PNG is an 8-bit RGB image whose rows are deflated.
 */

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

const readPpm = (file: string): Image => {
  const b = readFileSync(file);
  // "P6\n<width> <height>\n<max>\n" then the pixels.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(b[i]))) i++;
    let f = '';
    while (!/\s/.test(String.fromCharCode(b[i]))) f += String.fromCharCode(b[i++]);
    fields.push(f);
  }
  if (fields[0] !== 'P6' || fields[3] !== '255') throw new Error(`${file}: not an 8-bit binary PPM`);
  return { width: Number(fields[1]), height: Number(fields[2]), rgb: b.subarray(i + 1) };
};

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

const encodePng = ({ width, height, rgb }: Image): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** The PPM pages in a row, a grey gap between them, as one PNG. */
export const joinPagesSideBySide = (files: string[], gap = 16): Buffer => {
  const pages = files.map(readPpm);
  const height = Math.max(...pages.map((p) => p.height));
  const width = pages.reduce((w, p) => w + p.width, 0) + gap * (pages.length - 1);
  const rgb = Buffer.alloc(width * height * 3, 0x99);
  let x0 = 0;
  for (const p of pages) {
    for (let y = 0; y < p.height; y++) p.rgb.copy(rgb, (y * width + x0) * 3, y * p.width * 3, (y + 1) * p.width * 3);
    x0 += p.width + gap;
  }
  return encodePng({ width, height, rgb });
};
