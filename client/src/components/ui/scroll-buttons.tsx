import { cn } from '../../lib/cn.ts';
import { ChevronLeft, ChevronRight } from './icons.tsx';

interface Props {
  label: string;
  controls: string;
  atStart: boolean;
  atEnd: boolean;
  scroll: (direction: 1 | -1) => void;
}

const button =
  'inline-flex h-8 w-8 items-center justify-center rounded-full bg-white/10 text-slate-100 ring-1 ring-white/10 transition hover:bg-white/20 aria-disabled:cursor-default aria-disabled:opacity-40 aria-disabled:hover:bg-white/10';

/**
 * Previous/next for a scrolling row. aria-disabled rather than disabled at the edges, so a
 * keyboard user's focus is not thrown out of a button that just became unusable.
 */
export function ScrollButtons({ label, controls, atStart, atEnd, scroll }: Props) {
  return (
    <div className="flex gap-1.5">
      <button
        type="button"
        aria-label={`Scroll ${label} back`}
        aria-controls={controls}
        aria-disabled={atStart}
        onClick={() => !atStart && scroll(-1)}
        className={cn(button)}
      >
        <ChevronLeft width={18} height={18} />
      </button>
      <button
        type="button"
        aria-label={`Scroll ${label} forward`}
        aria-controls={controls}
        aria-disabled={atEnd}
        onClick={() => !atEnd && scroll(1)}
        className={cn(button)}
      >
        <ChevronRight width={18} height={18} />
      </button>
    </div>
  );
}
