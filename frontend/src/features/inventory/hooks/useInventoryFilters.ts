import { useState } from 'react';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import type { InventoryCategory, InventoryListQuery } from '../types';

export const SEARCH_DEBOUNCE_MS = 300;
export const INVENTORY_PAGE_SIZE = 25;

export interface InventoryFilterValues {
  search: string;
  schoolId: string;
  category: InventoryCategory | '';
  lowStock: boolean;
  expiringSoon: boolean;
}

const NO_FILTERS: InventoryFilterValues = {
  search: '',
  schoolId: '',
  category: '',
  lowStock: false,
  expiringSoon: false,
};

/** Filters and page of the inventory list; a new filter starts again at page 1. */
export function useInventoryFilters() {
  const [filters, setFilters] = useState<InventoryFilterValues>(NO_FILTERS);
  const search = useDebouncedValue(filters.search.trim(), SEARCH_DEBOUNCE_MS);
  const applied = { ...filters, search };
  const filterKey = JSON.stringify(applied);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const query: InventoryListQuery = { ...applied, page, pageSize: INVENTORY_PAGE_SIZE };
  return {
    filters,
    setFilter: <K extends keyof InventoryFilterValues>(key: K, value: InventoryFilterValues[K]) =>
      setFilters((current) => ({ ...current, [key]: value })),
    query,
    setPage: (next: number) => setPaging({ filterKey, page: next }),
  };
}
