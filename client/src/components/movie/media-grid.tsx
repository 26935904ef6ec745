import type { CatalogItem } from '#shared/contracts/catalog';
import { MediaCard } from './media-card.tsx';

/** Results as a responsive grid of cards (browse and search pages). */
export function MediaGrid({
  items,
  showType = false,
  label,
}: {
  items: CatalogItem[];
  showType?: boolean;
  label: string;
}) {
  return (
    <ul
      aria-label={label}
      className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-x-4 gap-y-8 sm:grid-cols-[repeat(auto-fill,minmax(10rem,1fr))]"
    >
      {items.map((item, i) => (
        <li key={`${item.mediaType}-${item.id}`}>
          <MediaCard item={item} showType={showType} eager={i < 6} className="w-full sm:w-full" />
        </li>
      ))}
    </ul>
  );
}
