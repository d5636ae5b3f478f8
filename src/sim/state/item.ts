/** One `{object, attributes}` item, as the panel's transformers write them. */
export interface Item {
  object: string;
  attributes: Record<string, unknown>;
}
