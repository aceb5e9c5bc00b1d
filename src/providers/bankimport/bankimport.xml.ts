import { XMLParser } from 'fast-xml-parser';

/**
 * Bankimport's XML is Rails `to_xml`: one element per field, `type="array"` on lists,
 * `type="integer"` on whole numbers, `nil="true"` for null. This turns it into the
 * same shape its JSON has, keeping every other value as text (decimals stay exact).
 *
 * Hostile documents are refused before parsing: without a DOCTYPE no entity can be
 * declared, so only XML's five predefined ones and character references expand; the
 * reply's size is already capped by the HTTP client.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

export function parseBankimportXml(body: string): unknown {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) {
    throw new Error('XML with a DOCTYPE or entity declaration is refused');
  }
  const tree = parser.parse(body, true) as Record<string, XmlNode>;
  const roots = Object.keys(tree);
  if (roots.length !== 1) {
    throw new Error('XML without a single root element');
  }
  const [root] = roots as [string];
  return { [root]: decode(tree[root] as XmlNode) };
}

/** Numeric character references (`&#252;`, `&#x2013;`), as Rails' Builder writes non-ASCII text. */
function decodeReferences(text: string): string {
  return text.replace(/&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});/g, (reference, code: string) => {
    const point = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number(code);
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : reference;
  });
}

function decode(node: XmlNode | XmlNode[]): unknown {
  if (Array.isArray(node)) {
    return node.map(decode);
  }
  if (typeof node !== 'object') {
    return decodeReferences(node);
  }
  if (node['@nil'] === 'true') {
    return null;
  }
  const type = node['@type'];
  const text = typeof node['#text'] === 'string' ? node['#text'] : '';
  if (type === 'array') {
    const children = Object.keys(node).filter((key) => !key.startsWith('@') && key !== '#text');
    return children.flatMap((key) => {
      const child = node[key] as XmlNode | XmlNode[];
      return Array.isArray(child) ? child.map(decode) : [decode(child)];
    });
  }
  if (type === 'integer') {
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      throw new Error(`not an integer: ${text.slice(0, 40)}`);
    }
    return Number(text);
  }
  const fields = Object.keys(node).filter((key) => !key.startsWith('@') && key !== '#text');
  if (fields.length === 0) {
    return decodeReferences(text);
  }
  return Object.fromEntries(fields.map((key) => [key, decode(node[key] as XmlNode | XmlNode[])]));
}
