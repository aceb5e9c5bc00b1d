import { XMLParser, type X2jOptions } from 'fast-xml-parser';

/**
 * The one way providers' XML is read. Hostile documents are refused before parsing:
 * without a DOCTYPE no entity can be declared, so only XML's five predefined ones
 * expand (no billion laughs, no external entities). Values stay text, so decimals stay
 * exact; nesting is bounded; the reply's size is already capped by the HTTP client.
 */
export interface XmlReadOptions {
  /** Element names that are always lists, even with one child. */
  lists?: readonly string[];
}

const BASE_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  maxNestedTags: 32,
};

export type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

export function createXmlReader(options: XmlReadOptions = {}): (body: string) => Record<string, XmlNode> {
  const lists = new Set(options.lists ?? []);
  const parser = new XMLParser(
    lists.size > 0
      ? { ...BASE_OPTIONS, isArray: (name, _path, _leaf, isAttribute) => !isAttribute && lists.has(name) }
      : BASE_OPTIONS,
  );
  return (body) => {
    if (/<!DOCTYPE|<!ENTITY/i.test(body)) {
      throw new Error('XML with a DOCTYPE or entity declaration is refused');
    }
    const tree = parser.parse(body, true) as Record<string, XmlNode>;
    if (Object.keys(tree).length !== 1) {
      throw new Error('XML without a single root element');
    }
    return tree;
  };
}

/** Numeric character references (`&#252;`, `&#x2013;`), which the parser leaves as they are. */
export function decodeReferences(text: string): string {
  return text.replace(/&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});/g, (reference, code: string) => {
    const point = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number(code);
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : reference;
  });
}
