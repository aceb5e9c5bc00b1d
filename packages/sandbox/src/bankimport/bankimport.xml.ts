import type { DocumentNode } from './bankimport.document';
import { escapeXml } from '../xml-escape';

function element(name: string, node: DocumentNode, indent: string): string {
  switch (node.kind) {
    case 'string':
      return node.value === null
        ? `${indent}<${name} nil="true"/>`
        : `${indent}<${name}>${escapeXml(node.value)}</${name}>`;
    case 'integer':
    case 'decimal':
    case 'date':
    case 'datetime':
      return node.value === null
        ? `${indent}<${name} type="${node.kind}" nil="true"/>`
        : `${indent}<${name} type="${node.kind}">${escapeXml(String(node.value))}</${name}>`;
    case 'record': {
      const children = node.fields.map(([child, value]) => element(child, value, `${indent}  `));
      return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
    }
    case 'array': {
      if (node.items.length === 0) {
        return `${indent}<${name} type="array"/>`;
      }
      const items = node.items.map((item) => element(node.itemName, item, `${indent}  `));
      return `${indent}<${name} type="array">\n${items.join('\n')}\n${indent}</${name}>`;
    }
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}

/** Rails' `to_xml`, with underscores kept: `<bank_account><id type="integer">1</id>…</bank_account>`. */
export function toXml(rootName: string, node: DocumentNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(rootName, node, '')}\n`;
}
