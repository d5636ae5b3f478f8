/**
 * Template checks and clean-up done by Electron's Menu.buildFromTemplate, kept separate so they can
 * be read against Electron's menu.ts side by side.
 */

interface TemplateEntry {
  type?: string;
  visible?: boolean;
}

/** Electron's message, and the same rule: every entry needs a label, a role or type 'separator'. */
export function validateTemplate(template: unknown): void {
  if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
  const valid = template.every(
    (item: unknown) =>
      item !== null &&
      typeof item === 'object' &&
      (Object.prototype.hasOwnProperty.call(item, 'label') ||
        Object.prototype.hasOwnProperty.call(item, 'role') ||
        (item as TemplateEntry).type === 'separator'),
  );
  if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
}

/** Folds adjacent separators and drops leading/trailing ones (hidden items are kept as they are). */
export function removeExtraSeparators<T extends TemplateEntry>(items: T[]): T[] {
  const folded = items.filter((item, index, all) => item.visible === false || item.type !== 'separator' || index === 0 || all[index - 1]?.type !== 'separator');
  return folded.filter((item, index, all) => item.visible === false || item.type !== 'separator' || (index !== 0 && index !== all.length - 1));
}
