import { useId } from 'react';
import { CheckboxField } from '@/components/CheckboxField';
import { SchoolSelect } from '@/components/SchoolSelect';
import { SelectField } from '@/components/SelectField';
import { useSchools } from '@/services/api/getSchools';
import type { InventoryFilterValues } from '../hooks/useInventoryFilters';
import { EXPIRING_SOON_DAYS, INVENTORY_CATEGORIES } from '../types';

interface InventoryFiltersProps {
  filters: InventoryFilterValues;
  onChange: <K extends keyof InventoryFilterValues>(key: K, value: InventoryFilterValues[K]) => void;
}

export function InventoryFilters({ filters, onChange }: InventoryFiltersProps) {
  const id = useId();
  const schools = useSchools();
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter inventory"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-search`}>Search items</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filters.search}
          onChange={(event) => onChange('search', event.target.value)}
          placeholder="Name, lot or location"
          autoComplete="off"
        />
      </div>
      <SelectField
        id={`${id}-category`}
        label="Category"
        value={filters.category}
        options={INVENTORY_CATEGORIES}
        onChange={(value) => onChange('category', value)}
        placeholder="All categories"
      />
      {schools.data && schools.data.length > 0 && (
        <SchoolSelect
          id={`${id}-school`}
          schools={schools.data}
          value={filters.schoolId}
          onChange={(schoolId) => onChange('schoolId', schoolId)}
        />
      )}
      <fieldset className="stack">
        <legend>Show only</legend>
        <CheckboxField
          id={`${id}-low`}
          label="Low stock"
          checked={filters.lowStock}
          onChange={(checked) => onChange('lowStock', checked)}
        />
        <CheckboxField
          id={`${id}-expiring`}
          label={`Expired or expiring within ${EXPIRING_SOON_DAYS} days`}
          checked={filters.expiringSoon}
          onChange={(checked) => onChange('expiringSoon', checked)}
        />
      </fieldset>
    </form>
  );
}
