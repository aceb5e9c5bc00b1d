import { SaxesParser } from 'saxes';

/**
 * The one way providers' XML is read: saxes, a strict XML 1.0 parser (every
 * well-formedness error refused), building a plain tree. Hostile documents are refused:
 * a DOCTYPE is (so no entity can be declared and only XML's five predefined ones and
 * character references expand: no billion laughs, no external entities), an undefined
 * entity is, nesting deeper than 32 is. Values stay text, so decimals stay exact; the
 * reply's size is already capped by the HTTP client.
 */
export interface XmlReadOptions {
  /** Element names that are always lists, even with one child. */
  lists?: readonly string[];
}

/**
 * An element: its text (trimmed) when it has neither attributes nor children, else an
 * object of `@attribute` values, children by name (repeated ones as arrays) and its
 * text, if any, as `#text`.
 */
export type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

const MAX_DEPTH = 32;
/** Names that would reach into prototypes once the tree is copied into ordinary objects. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

function checkName(name: string): string {
  if (FORBIDDEN_NAMES.has(name)) {
    throw new Error(`XML with an element or attribute named ${name} is refused`);
  }
  return name;
}

/** Fields without a prototype: a name like `toString` is a field like any other. */
const newFields = (): { [key: string]: XmlNode | XmlNode[] } =>
  Object.create(null) as { [key: string]: XmlNode | XmlNode[] };

interface OpenElement {
  name: string;
  fields: { [key: string]: XmlNode | XmlNode[] } | undefined;
  text: string;
}

export function createXmlReader(options: XmlReadOptions = {}): (body: string) => Record<string, XmlNode> {
  const lists = new Set(options.lists ?? []);
  return (body) => {
    if (/<!DOCTYPE|<!ENTITY/i.test(body)) {
      throw new Error('XML with a DOCTYPE or entity declaration is refused');
    }
    const root: OpenElement = { name: '', fields: newFields(), text: '' };
    const open: OpenElement[] = [root];
    const parser = new SaxesParser({ position: false });
    parser.on('doctype', () => {
      throw new Error('XML with a DOCTYPE is refused');
    });
    parser.on('opentag', (tag) => {
      if (open.length > MAX_DEPTH) {
        throw new Error(`XML nested deeper than ${MAX_DEPTH} elements`);
      }
      let fields: OpenElement['fields'];
      const attributes = tag.attributes as Record<string, string>;
      for (const name in attributes) {
        (fields ??= newFields())[`@${checkName(name)}`] = attributes[name]!;
      }
      open.push({ name: checkName(tag.name), fields, text: '' });
    });
    const addText = (text: string) => {
      open[open.length - 1]!.text += text;
    };
    parser.on('text', addText);
    parser.on('cdata', addText);
    parser.on('closetag', () => {
      const element = open.pop()!;
      const text = element.text.trim();
      let value: XmlNode;
      if (element.fields) {
        if (text) {
          element.fields['#text'] = text;
        }
        value = element.fields;
      } else {
        value = text;
      }
      const parent = open[open.length - 1]!;
      const siblings = (parent.fields ??= newFields());
      const existing = siblings[element.name];
      if (lists.has(element.name)) {
        if (Array.isArray(existing)) {
          existing.push(value);
        } else {
          siblings[element.name] = [value];
        }
      } else if (existing === undefined) {
        siblings[element.name] = value;
      } else if (Array.isArray(existing)) {
        existing.push(value);
      } else {
        siblings[element.name] = [existing, value];
      }
    });
    parser.write(body).close();
    const tree = root.fields as Record<string, XmlNode>;
    if (Object.keys(tree).length !== 1) {
      throw new Error('XML without a single root element');
    }
    return tree;
  };
}
