import { useState } from 'react';
import {
  LOT_NUMBER_PATTERN,
  MAX_QUANTITY,
  type InventoryItem,
  type StockChangeInput,
  type StockTransactionType,
} from '../types';

export interface StockChangeValues {
  quantity: string;
  reason: string;
  lotNumber: string;
  /** 'YYYY-MM-DD' or ''. */
  expiresOn: string;
}

export type StockChangeErrors = Partial<Record<keyof StockChangeValues, string>>;

/** An adjustment or a disposal must say why (the controlled-substance trail); the server insists too. */
export function needsReason(type: StockTransactionType): boolean {
  return type === 'ADJUST' || type === 'WASTE';
}

/** What the count changes by: negative for stock taken out. Null when the quantity is unreadable. */
export function signedChange(type: StockTransactionType, quantity: string): number | null {
  if (quantity.trim() === '') return null;
  const value = Number(quantity);
  if (!Number.isInteger(value)) return null;
  return type === 'DISPENSE' || type === 'WASTE' ? -value : value;
}

export function validateStockChange(
  type: StockTransactionType,
  values: StockChangeValues,
  item: Pick<InventoryItem, 'quantity' | 'unit'>,
): StockChangeErrors {
  const errors: StockChangeErrors = {};
  const value = Number(values.quantity);
  if (values.quantity.trim() === '' || !Number.isInteger(value)) {
    errors.quantity = 'Enter a whole number.';
  } else if (type === 'ADJUST') {
    if (value === 0) errors.quantity = 'Enter how much the count changes by: more than 0, or less than 0.';
    else if (Math.abs(value) > MAX_QUANTITY) errors.quantity = 'That is more than the system can count.';
    else if (item.quantity + value < 0)
      errors.quantity = `Only ${item.quantity} ${item.unit} are counted: the count cannot go below zero.`;
  } else if (value < 1) {
    errors.quantity = 'Enter 1 or more.';
  } else if (value > MAX_QUANTITY) {
    errors.quantity = 'That is more than the system can count.';
  } else if ((type === 'DISPENSE' || type === 'WASTE') && value > item.quantity) {
    errors.quantity = `Only ${item.quantity} ${item.unit} in stock.`;
  }
  if (needsReason(type) && !values.reason.trim()) errors.reason = 'Say why, for the stock record.';
  if (values.lotNumber.trim() && !LOT_NUMBER_PATTERN.test(values.lotNumber.trim()))
    errors.lotNumber = 'Use letters, digits, dots, dashes and slashes only.';
  return errors;
}

/** Validate first. Only a delivery carries a lot and expiry; empty text is left out. */
export function toStockChangeInput(type: StockTransactionType, values: StockChangeValues): StockChangeInput {
  const reason = values.reason.trim();
  const lotNumber = values.lotNumber.trim();
  return {
    type,
    quantity: Number(values.quantity),
    ...(reason ? { reason } : {}),
    ...(type === 'RECEIVE' && lotNumber ? { lotNumber } : {}),
    ...(type === 'RECEIVE' && values.expiresOn ? { expiresOn: values.expiresOn } : {}),
  };
}

export function useStockChangeForm(
  type: StockTransactionType,
  item: Pick<InventoryItem, 'quantity' | 'unit'>,
) {
  const [values, setValues] = useState<StockChangeValues>({
    quantity: '',
    reason: '',
    lotNumber: '',
    expiresOn: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateStockChange(type, values, item) : {};
  const setValue = <K extends keyof StockChangeValues>(key: K, value: StockChangeValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return { values, setValue, errors, markSubmitted: () => setSubmitted(true) };
}
