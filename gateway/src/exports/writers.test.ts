import { PassThrough } from 'node:stream';
import { csvField, csvWriter } from './writers';
import { periodOf } from './route';

test('CSV fields: quoted only when needed, quotes doubled, formulas defused, numbers and blanks plain', () => {
  expect(csvField('网格一')).toBe('网格一');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('他说"好"')).toBe('"他说""好"""');
  expect(csvField('一\n二')).toBe('"一\n二"');
  expect(csvField(' padded ')).toBe('" padded "');
  expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  expect(csvField('-1')).toBe("'-1");
  expect(csvField(-1)).toBe('-1');
  expect(csvField(0.25)).toBe('0.25');
  expect(csvField(null)).toBe('');
  expect(csvField(Number.NaN)).toBe('');
});

test('a CSV starts with the BOM and ends lines with CRLF', async () => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = csvWriter(out);
  await w.sheet('t', [
    { header: '类别', value: (r) => r.a as string },
    { header: '数', value: (r) => r.b as number },
  ]);
  await w.rows([{ a: 'x,y', b: 2 }]);
  await w.end();
  expect(Buffer.concat(chunks).toString('utf8')).toBe('\uFEFF类别,数\r\n"x,y",2\r\n');
});

test('periods are calendar months and years in China Standard Time', () => {
  expect(periodOf({ period: '2026-11' })).toEqual({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' });
  expect(periodOf({ period: '2026-12' })).toEqual({ from: '2026-12-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  expect(periodOf({ period: '2026' })).toEqual({ from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  expect(() => periodOf({ period: '2026-13' })).toThrow('period');
  expect(periodOf({ from: 'a', to: 'b' })).toEqual({ from: 'a', to: 'b' });
});
