import { createXmlReader } from '../../src/providers/xml';

const read = createXmlReader();

describe('the providers’ XML reader', () => {
  it('gives a leaf its trimmed text, and an element with attributes its @attributes and #text', () => {
    expect(
      read('<?xml version="1.0"?>\n<a>\n  <b> 12.50 </b>\n  <c type="integer">7</c>\n  <d nil="true"/>\n</a>'),
    ).toEqual({
      a: { b: '12.50', c: { '@type': 'integer', '#text': '7' }, d: { '@nil': 'true' } },
    });
  });

  it('makes repeated siblings a list, and the configured names always lists', () => {
    expect(read('<a><b>1</b><b>2</b><c>3</c></a>')).toEqual({ a: { b: ['1', '2'], c: '3' } });
    expect(createXmlReader({ lists: ['b'] })('<a><b>1</b></a>')).toEqual({ a: { b: ['1'] } });
  });

  it('decodes predefined entities and character references exactly once', () => {
    expect(read('<a>M&#252;ller &#x2013; A&amp;B &amp;#252;</a>')).toEqual({ a: 'Müller – A&B &#252;' });
  });

  it('reads CDATA as text and skips comments and processing instructions', () => {
    expect(read('<a><!-- note --><?pi x?><![CDATA[<b>&amp;</b>]]></a>')).toEqual({ a: '<b>&amp;</b>' });
  });

  it('keeps fields named like Object methods as fields', () => {
    expect(read('<a><toString>1</toString><hasOwnProperty>2</hasOwnProperty></a>')).toEqual({
      a: { toString: '1', hasOwnProperty: '2' },
    });
  });

  it('refuses names that reach into prototypes', () => {
    for (const xml of ['<a><__proto__>1</__proto__></a>', '<a><constructor/></a>', '<a __proto__="x"/>']) {
      expect(() => read(xml)).toThrow(/refused/);
    }
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });

  it('reads 32 levels of nesting and refuses 33', () => {
    const nested = (depth: number) => `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
    expect(() => read(nested(32))).not.toThrow();
    expect(() => read(nested(33))).toThrow(/deeper than 32/);
  });

  it('refuses what is not well-formed XML 1.0', () => {
    for (const xml of [
      '<a><b></a></b>',
      '<a>1</a><b>2</b>',
      '<a>&nbsp;</a>',
      '<a x="1" x="2"/>',
      '<a>',
      'text',
      '',
      '<a>\u0001</a>',
    ]) {
      expect(() => read(xml)).toThrow();
    }
  });

  it('refuses a DOCTYPE, so that no entity can be declared', () => {
    expect(() => read('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(/DOCTYPE/);
  });
});
