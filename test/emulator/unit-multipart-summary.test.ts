import { MultipartSummariser } from '../../src/emulator/admin/multipart-summary';

const body = Buffer.from(
  [
    'preamble',
    '--XyZ',
    'Content-Disposition: form-data; name="file"; filename="a b.csv"',
    'Content-Type: text/csv',
    '',
    'id,name\r\n1,--XyZ-not-a-delimiter',
    '--XyZ',
    'Content-Disposition: form-data; name="note"',
    '',
    'hello',
    '--XyZ--',
    '',
  ].join('\r\n'),
);
const expected = [
  { name: 'file', fileName: 'a b.csv', contentType: 'text/csv', size: 32 },
  { name: 'note', size: 5, value: 'hello' },
];

describe('multipart summary', () => {
  it('reads the boundary of a multipart Content-Type only', () => {
    expect(MultipartSummariser.boundaryOf('multipart/form-data; boundary="a;b"')).toBe('a;b');
    expect(MultipartSummariser.boundaryOf('multipart/form-data; boundary=XyZ')).toBe('XyZ');
    expect(MultipartSummariser.boundaryOf('application/json')).toBeUndefined();
  });

  it.each([1, 2, 7, 64, body.length])('lists parts whatever the chunking (%i-byte chunks)', (size) => {
    const summary = new MultipartSummariser('XyZ');
    for (let at = 0; at < body.length; at += size) summary.write(body.subarray(at, at + size));
    expect(summary.end()).toEqual(expected);
    expect(summary.malformed).toBe(false);
  });

  it('lists a part cut off by the end of the body with the bytes it had', () => {
    const summary = new MultipartSummariser('XyZ');
    summary.write(body.subarray(0, body.indexOf('1,--')));
    expect(summary.end()).toEqual([{ ...expected[0], size: 'id,name\r\n'.length }]);
  });
});
