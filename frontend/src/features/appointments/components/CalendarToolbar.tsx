import { useId, type ReactNode } from 'react';
import type { CalendarView } from '../types';

interface CalendarToolbarProps {
  view: CalendarView;
  date: string;
  onViewChange: (view: CalendarView) => void;
  onDateChange: (date: string) => void;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
  /** More controls at the end of the toolbar (the school filter). */
  children?: ReactNode;
}

const views: Array<{ value: CalendarView; label: string }> = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];

/** Day or week, back and forth, or straight to a date. Plain buttons: Tab reaches each one. */
export function CalendarToolbar({
  view,
  date,
  onViewChange,
  onDateChange,
  onPrevious,
  onToday,
  onNext,
  children,
}: CalendarToolbarProps) {
  const id = useId();
  const unit = view === 'week' ? 'week' : 'day';
  return (
    <div className="calendar-toolbar">
      <div className="row" role="group" aria-label="View">
        {views.map((option) => (
          <button
            key={option.value}
            type="button"
            className={`button${view === option.value ? ' button-primary' : ''}`}
            aria-pressed={view === option.value}
            onClick={() => onViewChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
      <div className="row" role="group" aria-label={`Change ${unit}`}>
        <button type="button" className="button" onClick={onPrevious}>
          Previous {unit}
        </button>
        <button type="button" className="button" onClick={onToday}>
          Today
        </button>
        <button type="button" className="button" onClick={onNext}>
          Next {unit}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Go to date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(event) => onDateChange(event.target.value)}
        />
      </div>
      {children}
    </div>
  );
}
