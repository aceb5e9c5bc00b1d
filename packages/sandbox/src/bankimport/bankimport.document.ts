/**
 * A response body before it is written as JSON or as Rails-style XML: each leaf knows
 * its XML type, and a decimal keeps its exact text so that no float ever holds money.
 */
export type DocumentNode =
  | { kind: 'integer'; value: number | null }
  | { kind: 'decimal'; value: string | null }
  | { kind: 'string' | 'date' | 'datetime'; value: string | null }
  | { kind: 'record'; fields: ReadonlyArray<readonly [string, DocumentNode]> }
  | { kind: 'array'; itemName: string; items: readonly DocumentNode[] };

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export function integer(value: number | null): DocumentNode {
  return { kind: 'integer', value };
}

export function decimal(value: string | null): DocumentNode {
  if (value !== null && !DECIMAL_TEXT.test(value)) {
    throw new Error(`not a decimal: ${value}`);
  }
  return { kind: 'decimal', value };
}

export function text(value: string | null): DocumentNode {
  return { kind: 'string', value };
}

export function date(value: string | null): DocumentNode {
  return { kind: 'date', value };
}

export function datetime(value: string | null): DocumentNode {
  return { kind: 'datetime', value };
}

/**
 * Keeps the fields in the order given, which is the order on the wire. Given a wire type
 * (`record<BankimportImportPayload['import']>`), every field it names must be there, and no other.
 */
export function record<T extends object = Record<string, unknown>>(fields: {
  [K in keyof T]-?: DocumentNode;
}): DocumentNode {
  return { kind: 'record', fields: Object.entries(fields as Record<string, DocumentNode>) };
}

/** `itemName` names each element inside the XML array, e.g. `bank_account`. */
export function list(itemName: string, items: readonly DocumentNode[]): DocumentNode {
  return { kind: 'array', itemName, items };
}
