import { useState } from 'react';
import { LOT_NUMBER_PATTERN, MAX_QUANTITY, type InventoryCategory, type NewItemInput } from '../types';

export interface ItemFormValues {
  name: string;
  category: InventoryCategory | '';
  unit: string;
  reorderLevel: string;
  initialQuantity: string;
  lotNumber: string;
  /** 'YYYY-MM-DD' or ''. */
  expiresOn: string;
  location: string;
  schoolId: string;
}

export type ItemFormErrors = Partial<Record<keyof ItemFormValues, string>>;

/** A whole number from 0 to the server's limit, or null. */
export function parseCount(value: string): number | null {
  if (value.trim() === '') return null;
  const count = Number(value);
  return Number.isInteger(count) && count >= 0 && count <= MAX_QUANTITY ? count : null;
}

export const lotNumberError = 'Use letters, digits, dots, dashes and slashes only.';

export function validateItem(values: ItemFormValues): ItemFormErrors {
  const errors: ItemFormErrors = {};
  if (!values.name.trim()) errors.name = 'Enter the item’s name.';
  if (!values.category) errors.category = 'Choose a category.';
  if (!values.unit.trim()) errors.unit = 'Enter the unit it is counted in, e.g. boxes.';
  if (parseCount(values.reorderLevel) === null) errors.reorderLevel = 'Enter a whole number, 0 or more.';
  if (parseCount(values.initialQuantity) === null)
    errors.initialQuantity = 'Enter a whole number, 0 or more.';
  if (values.lotNumber.trim() && !LOT_NUMBER_PATTERN.test(values.lotNumber.trim()))
    errors.lotNumber = lotNumberError;
  return errors;
}

/** Validate first. Empty optional text is sent as null. */
export function toNewItemInput(values: ItemFormValues): NewItemInput {
  return {
    name: values.name.trim(),
    category: values.category as InventoryCategory,
    unit: values.unit.trim(),
    reorderLevel: parseCount(values.reorderLevel) ?? 0,
    initialQuantity: parseCount(values.initialQuantity) ?? 0,
    lotNumber: values.lotNumber.trim() || null,
    expiresOn: values.expiresOn || null,
    location: values.location.trim() || null,
    schoolId: values.schoolId || null,
  };
}

export function useItemForm() {
  const [values, setValues] = useState<ItemFormValues>({
    name: '',
    category: '',
    unit: '',
    reorderLevel: '0',
    initialQuantity: '0',
    lotNumber: '',
    expiresOn: '',
    location: '',
    schoolId: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateItem(values) : {};
  const setValue = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return { values, setValue, errors, markSubmitted: () => setSubmitted(true) };
}
