import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Scrolls to and focuses the element when the URL's hash names it. The browser does this only
 * for content present at load; a client-side route renders it later, after its data arrives.
 * It runs again when `settled` turns true: content loading inside the element would otherwise
 * leave its top above the viewport (the browser's scroll anchoring follows the later nodes).
 */
export function useHashTarget<T extends HTMLElement = HTMLDivElement>(id: string, settled = true) {
  const { hash } = useLocation();
  const ref = useRef<T>(null);

  useEffect(() => {
    const element = ref.current;
    if (hash !== `#${id}` || !element) return;
    element.scrollIntoView?.({ block: 'start' });
    element.focus({ preventScroll: true });
  }, [hash, id, settled]);

  return ref;
}
