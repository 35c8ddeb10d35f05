/**
 * Font subsetting for build-time PNGs, with HarfBuzz's own subsetter (harfbuzzjs, WebAssembly:
 * no native code, no outside service). resvg shapes every text run with the font it is given,
 * and with the whole Noto Sans CJK collection (20 MB, ten faces) that costs about a second per
 * chart; with a subset holding only the characters the image uses it costs a few milliseconds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family name (name ID 1, Windows English) of each face in a font file or collection. */
export function faceFamilies(font: Uint8Array): string[] {
  const dv = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tag = (at: number) => String.fromCharCode(font[at]!, font[at + 1]!, font[at + 2]!, font[at + 3]!);
  const faces = tag(0) === 'ttcf' ? Array.from({ length: dv.getUint32(8) }, (_, i) => dv.getUint32(12 + 4 * i)) : [0];
  return faces.map((face) => {
    for (let i = 0; i < dv.getUint16(face + 4); i++) {
      const record = face + 12 + 16 * i;
      if (tag(record) !== 'name') continue;
      const table = dv.getUint32(record + 8);
      const strings = table + dv.getUint16(table + 4);
      for (let j = 0; j < dv.getUint16(table + 2); j++) {
        const r = table + 6 + 12 * j;
        const [platform, , language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((k) => dv.getUint16(r + k)) as [
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        if (platform !== 3 || language !== 0x409 || nameId !== 1) continue;
        let name = '';
        for (let k = 0; k < length; k += 2) name += String.fromCharCode(dv.getUint16(strings + offset + k));
        return name;
      }
    }
    return '';
  });
}

/** Every character an SVG document can draw: its source text, with numeric entities decoded. */
export function svgCharacters(svg: string): Set<number> {
  const points = new Set<number>();
  for (const ch of svg) points.add(ch.codePointAt(0)!);
  for (const m of svg.matchAll(/&#(x[0-9a-f]+|[0-9]+);/giu)) {
    const code = m[1]!.startsWith('x') || m[1]!.startsWith('X') ? Number.parseInt(m[1]!.slice(1), 16) : Number(m[1]);
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) points.add(code);
  }
  return points;
}

interface HbExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize?(): void;
}

let hb: HbExports | undefined;
/** HarfBuzz, instantiated once per process (synchronously: Node allows it for any size). */
function harfbuzz(): HbExports {
  if (!hb) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    hb = new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports as unknown as HbExports;
    hb._initialize?.();
  }
  return hb;
}

/** One face of a font file, loaded into HarfBuzz once and subset as often as needed. */
export interface SubsetFace {
  family: string;
  subset(points: Iterable<number>): Uint8Array | undefined;
}

/**
 * Opens the face named `family` in a font file or collection (the first face when none has that
 * name). Its subsets keep the family name, so an SVG asking for the family gets the subset.
 */
export function openFace(file: string, family: string): SubsetFace {
  const font = readFileSync(file);
  const families = faceFamilies(font);
  const index = Math.max(0, families.indexOf(family));
  const x = harfbuzz();
  const data = x.malloc(font.byteLength);
  new Uint8Array(x.memory.buffer).set(font, data);
  const blob = x.hb_blob_create(data, font.byteLength, 1 /* read-only */, 0, 0);
  const face = x.hb_face_create(blob, index);
  x.hb_blob_destroy(blob);
  return {
    family: families[index] ?? family,
    subset(points) {
      const input = x.hb_subset_input_create_or_fail();
      if (!input) return undefined;
      const set = x.hb_subset_input_unicode_set(input);
      for (const p of points) x.hb_set_add(set, p);
      const result = x.hb_subset_or_fail(face, input);
      x.hb_subset_input_destroy(input);
      if (!result) return undefined;
      const out = x.hb_face_reference_blob(result);
      // Read after subsetting: the memory may have grown, which detaches older views.
      const bytes = new Uint8Array(x.memory.buffer, x.hb_blob_get_data(out, 0), x.hb_blob_get_length(out)).slice();
      x.hb_blob_destroy(out);
      x.hb_face_destroy(result);
      return bytes.byteLength > 0 ? bytes : undefined;
    },
  };
}
