import { FilterTabs } from './filter-tabs.tsx';

/** Reviews or custom titles, the two things moderators look after. */
export function ModerationTabs({ current }: { current: 'reviews' | 'titles' }) {
  return (
    <FilterTabs
      label="What to moderate"
      current={current}
      options={[
        { value: 'reviews', label: 'Reviews' },
        { value: 'titles', label: 'Custom titles' },
      ]}
      hrefOf={(v) => (v === 'titles' ? '/admin/moderation/titles' : '/admin/moderation')}
    />
  );
}
