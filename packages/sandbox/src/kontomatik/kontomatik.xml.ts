import type { Response } from 'express';
import { escapeXml } from '../xml-escape';

/** One element of a Kontomatik XML reply: text, or children, or neither (`<command …/>`). */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly content?: string | readonly XmlElement[];
}

/** Kontomatik leaves out elements without a value rather than sending them empty, so undefined children vanish. */
export function element(
  name: string,
  content?: string | ReadonlyArray<XmlElement | undefined>,
  attributes?: Readonly<Record<string, string>>,
): XmlElement {
  if (content === undefined || typeof content === 'string') {
    return { name, attributes, content };
  }
  return { name, attributes, content: content.filter((child): child is XmlElement => child !== undefined) };
}

/** `<name>value</name>`, or nothing when there is no value. */
export function optional(name: string, value: string | undefined): XmlElement | undefined {
  return value === undefined ? undefined : element(name, value);
}

function render(node: XmlElement, indent: string): string {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.content === undefined || node.content.length === 0) {
    return `${open}/>`;
  }
  if (typeof node.content === 'string') {
    return `${open}>${escapeXml(node.content)}</${node.name}>`;
  }
  const children = node.content.map((child) => render(child, `${indent}  `));
  return `${open}>\n${children.join('\n')}\n${indent}</${node.name}>`;
}

/** `<?xml …?>` and a `<reply>` around `children`. */
export function toReplyXml(children: ReadonlyArray<XmlElement | undefined>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(element('reply', children), '')}\n`;
}

export function respondXml(res: Response, status: number, children: ReadonlyArray<XmlElement | undefined>): void {
  res.status(status).set('Content-Type', 'application/xml; charset=utf-8').send(toReplyXml(children));
}

/** `<reply><exception name="SessionNotFound">…</exception></reply>`, as every XML error reads. */
export function respondXmlException(res: Response, status: number, name: string, message: string): void {
  respondXml(res, status, [element('exception', message, { name })]);
}
