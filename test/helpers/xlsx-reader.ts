// An independent xlsx reader for tests, sharing nothing with exceljs: the zip's central directory read
// by hand, entries inflated with node:zlib, and the SpreadsheetML parts read with regular expressions.
import { inflateRawSync } from 'node:zlib';

export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28),
      extraLen = buf.readUInt16LE(p + 30),
      commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(
      name,
      method === 8
        ? inflateRawSync(data)
        : method === 0
          ? Buffer.from(data)
          : (() => {
              throw new Error(`method ${method}`);
            })(),
    );
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const unxml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

export interface XCell {
  ref: string;
  type: string | undefined;
  style: number;
  value: string | undefined;
}
export interface XSheet {
  name: string;
  xml: string;
  cells: Map<string, XCell>;
  text(ref: string): string | undefined;
}

export function readXlsx(buf: Buffer): { sheets: XSheet[]; dateStyles: Set<number>; files: Map<string, Buffer> } {
  const files = unzip(buf);
  const str = (n: string) => files.get(n)?.toString('utf8') ?? '';
  const shared = [...str('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unxml(t[1]!)).join(''),
  );
  const rels = new Map(
    [...str('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/^\/?xl\//, ''),
    ]),
  );
  const styles = str('xl/styles.xml');
  const fmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]+)"/g)].map((m) => [Number(m[1]), unxml(m[2]!)]));
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  const dateStyles = new Set(xfs.flatMap((id, i) => (/y+-m+-d+/.test(fmts.get(id) ?? '') || (id >= 14 && id <= 17) ? [i] : [])));
  const sheets = [...str('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => {
    const xml = str(`xl/${rels.get(m[2]!)}`);
    const cells = new Map<string, XCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[2] ?? '';
      const type = /t="(\w+)"/.exec(attrs)?.[1];
      const style = Number(/s="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const inner = c[3] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const is = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1];
      const value =
        type === 's' && v !== undefined
          ? shared[Number(v)]
          : type === 'inlineStr'
            ? is !== undefined
              ? unxml(is)
              : undefined
            : v !== undefined
              ? unxml(v)
              : undefined;
      cells.set(c[1]!, { ref: c[1]!, type, style, value });
    }
    return { name: unxml(m[1]!), xml, cells, text: (ref: string) => cells.get(ref)?.value };
  });
  return { sheets, dateStyles, files };
}

/** Excel's day number (1900 date system) → ISO date. */
export function excelDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
}
