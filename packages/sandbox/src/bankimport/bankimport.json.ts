import type { DocumentNode } from './bankimport.document';

/** JSON text with decimals as bare numbers written from their exact text (`24323.49`). */
export function toJson(node: DocumentNode): string {
  switch (node.kind) {
    case 'integer':
      return node.value === null ? 'null' : String(node.value);
    case 'decimal':
      return node.value ?? 'null';
    case 'string':
    case 'date':
    case 'datetime':
      return node.value === null ? 'null' : JSON.stringify(node.value);
    case 'record':
      return `{${node.fields.map(([name, value]) => `${JSON.stringify(name)}:${toJson(value)}`).join(',')}}`;
    case 'array':
      return `[${node.items.map(toJson).join(',')}]`;
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}
