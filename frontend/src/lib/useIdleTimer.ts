import { useEffect, useEffectEvent } from 'react';

// What counts as "someone is at the keyboard". Captured on window so events that do not
// bubble (scroll, focus) are seen too.
const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'scroll',
  'touchstart',
  'focus',
] as const;
// setTimeout overflows past ~24.8 days; longer limits are simply re-checked.
const MAX_DELAY_MS = 2_147_483_647;

/**
 * Calls onIdle once after timeoutMs without user activity. Activity only records a time;
 * the single timer compares against it when it fires, so a mouse move costs no timer churn
 * and a laptop waking from sleep is judged by the clock, not by a paused timer.
 */
export function useIdleTimer(timeoutMs: number, onIdle: () => void, enabled = true): void {
  const fireIdle = useEffectEvent(onIdle);

  useEffect(() => {
    if (!enabled) return;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout>;

    const markActive = () => {
      lastActivity = Date.now();
    };
    const options = { capture: true, passive: true } as const;
    const stop = () => {
      clearTimeout(timer);
      ACTIVITY_EVENTS.forEach((type) => window.removeEventListener(type, markActive, options));
    };
    const check = () => {
      const remaining = lastActivity + timeoutMs - Date.now();
      if (remaining > 0) {
        timer = setTimeout(check, Math.min(remaining, MAX_DELAY_MS));
        return;
      }
      stop();
      fireIdle();
    };

    ACTIVITY_EVENTS.forEach((type) => window.addEventListener(type, markActive, options));
    timer = setTimeout(check, Math.min(timeoutMs, MAX_DELAY_MS));
    return stop;
  }, [timeoutMs, enabled]);
}
