import { LazyMotion, MotionConfig, m, useReducedMotion } from 'framer-motion';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { cn } from '../../lib/cn.ts';

const loadFeatures = () => import('../../lib/motion-features.ts').then((mod) => mod.default);

// False on the server and during hydration: the first page must render exactly as the server
// sent it, and an `initial` style in server HTML would be blocked by the CSP (no style attributes).
let hydrated = false;

/**
 * A page's <main>, fading in after client-side navigations only. Also the LazyMotion boundary
 * for the page's motion components (card hover lift), whose features load after hydration.
 */
export function PageTransition({ children, className }: { children: ReactNode; className?: string }) {
  const [location] = useLocation();
  const reduce = useReducedMotion();
  useEffect(() => {
    hydrated = true;
  }, []);
  const animateIn = hydrated && !reduce;
  return (
    <LazyMotion features={loadFeatures}>
      <MotionConfig reducedMotion="user">
        <m.main
          id="main"
          key={location}
          className={cn('mx-auto w-full max-w-7xl pb-8', className)}
          initial={animateIn ? { opacity: 0, y: 12 } : false}
          animate={animateIn ? { opacity: 1, y: 0 } : undefined}
          transition={{ duration: 0.25, ease: 'easeOut' }}
        >
          {children}
        </m.main>
      </MotionConfig>
    </LazyMotion>
  );
}
