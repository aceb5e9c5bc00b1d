import { toAmountText } from '../../src/kontomatik/kontomatik.format';
import { element, optional, toReplyXml } from '../../src/kontomatik/kontomatik.xml';

describe('Kontomatik amounts', () => {
  it.each([
    [1234567, '12345.67'],
    [-12345, '-123.45'],
    [1200000, '12000.00'],
    [-5, '-0.05'],
    [50, '0.50'],
    [0, '0.00'],
  ])('writes %d minor units as %s', (minorUnits, text) => {
    expect(toAmountText(minorUnits)).toBe(text);
  });
});

describe('Kontomatik XML', () => {
  it('escapes text and attributes and leaves out elements without a value', () => {
    const xml = toReplyXml([
      element('exception', 'a < b & "c"', { name: `it's` }),
      element('owner', [optional('externalId', undefined), element('name', 'Orlen & Co')]),
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<reply>',
        '  <exception name="it&apos;s">a &lt; b &amp; &quot;c&quot;</exception>',
        '  <owner>',
        '    <name>Orlen &amp; Co</name>',
        '  </owner>',
        '</reply>',
        '',
      ].join('\n'),
    );
  });
});
