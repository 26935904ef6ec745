import type { CatalogItem } from '#shared/contracts/catalog';
import { MediaCard } from './media-card.tsx';

/** A titled, horizontally scrolling row of posters. */
export function MediaRow({ title, items, eager = false }: { title: string; items: CatalogItem[]; eager?: boolean }) {
  const id = `row-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="mb-3 px-4 text-xl font-semibold">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="px-4 text-slate-400">Nothing here yet.</p>
      ) : (
        <ul className="scrollbar-none flex gap-4 overflow-x-auto px-4 pb-2">
          {items.map((item, i) => (
            <li key={`${item.mediaType}-${item.id}`}>
              <MediaCard item={item} eager={eager && i < 6} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
