/**
 * QR codes as SVG path data, made at build time with the `qrcode` package: the page draws the
 * path itself, so no generated markup is ever inserted as HTML. Pure.
 */
import QRCode from 'qrcode';

/** A QR code: its size in modules (without the quiet zone) and one path of 1×1 squares. */
export interface QrPath {
  size: number;
  d: string;
}

/**
 * The QR code of `text` (error correction M: survives a crease or a smudge on a printed poster).
 * One fixed mask pattern: trying all eight for the lowest penalty took 0.9 ms of the 1 ms a code
 * costs, 18 s of a build with 20,000 event posters, and every mask is valid and readable (codes
 * are decoded in the tests).
 */
export function qrPath(text: string): QrPath {
  // One byte-mode segment: a web address is bytes anyway (lower case is outside the
  // alphanumeric mode), and the library's search for the best split is skipped.
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 0 });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Runs of dark modules in a row become one rectangle: a shorter path.
      if (!modules.get(y, x)) continue;
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { size, d };
}
