import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A horizontal scroller with prev/next controls: whether either edge is reached (both start as
 * the server renders them — at the start — and are measured once hydrated) and a page-wise scroll.
 */
export function useScroller<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [edges, setEdges] = useState({ atStart: true, atEnd: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const atStart = el.scrollLeft <= 4;
      const atEnd = el.scrollLeft + el.clientWidth >= el.scrollWidth - 4;
      setEdges((prev) => (prev.atStart === atStart && prev.atEnd === atEnd ? prev : { atStart, atEnd }));
    };
    const frame = requestAnimationFrame(measure);
    el.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, []);
  const scroll = useCallback((direction: 1 | -1) => {
    const el = ref.current;
    if (!el) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollBy({ left: direction * Math.max(el.clientWidth * 0.85, 200), behavior: reduce ? 'auto' : 'smooth' });
  }, []);
  return { ref, ...edges, scroll };
}
