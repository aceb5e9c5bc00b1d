import { createXmlReader, type XmlNode } from '../xml';

/**
 * Bankimport's XML is Rails `to_xml`: one element per field, `type="array"` on lists,
 * `type="integer"` on whole numbers, `nil="true"` for null. This turns it into the
 * same shape its JSON has, keeping every other value as text (decimals stay exact).
 */
const read = createXmlReader();

export function parseBankimportXml(body: string): unknown {
  const tree = read(body);
  const [root] = Object.keys(tree) as [string];
  return { [root]: decode(tree[root] as XmlNode) };
}

function decode(node: XmlNode | XmlNode[]): unknown {
  if (Array.isArray(node)) {
    return node.map(decode);
  }
  if (typeof node !== 'object') {
    return node;
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
    return text;
  }
  return Object.fromEntries(fields.map((key) => [key, decode(node[key] as XmlNode | XmlNode[])]));
}
