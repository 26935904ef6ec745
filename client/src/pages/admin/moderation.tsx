import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { FilterTabs } from '../../components/admin/filter-tabs.tsx';
import { ModerationReview } from '../../components/admin/moderation-review.tsx';
import { ModerationTabs } from '../../components/admin/moderation-tabs.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { adminPrefetch, adminReviewsQuery, adminTitle, useAdminReviews } from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const STATUSES = ['reported', 'hidden', 'visible'] as const;
/** The queue by default: reported reviews; ?status=hidden|visible for the others. */
function reviewsQuery(search: URLSearchParams) {
  const status = STATUSES.find((s) => s === search.get('status')) ?? 'reported';
  const page = search.get('page') ?? undefined;
  return { status, ...(page ? { page } : {}) };
}

function Reviews() {
  const q = reviewsQuery(new URLSearchParams(useSearch()));
  const { data } = useAdminReviews(q);
  return (
    <>
      <FilterTabs
        label="Review status"
        current={q.status}
        options={STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))}
        hrefOf={(status) => pageHref('/admin/moderation', { status: status === 'reported' ? undefined : status })}
      />
      {data.items.length === 0 ? (
        <EmptyState title={q.status === 'reported' ? 'No reported reviews' : `No ${q.status} reviews`}>
          {q.status === 'reported' ? 'The queue is empty: nothing waits for a decision.' : null}
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={`${q.status} reviews`}>
          {data.items.map((r) => (
            <ModerationReview key={r.id} review={r} />
          ))}
        </ul>
      )}
      <Pagination
        page={data.meta.page}
        totalPages={data.meta.totalPages}
        hrefOf={(page) => pageHref('/admin/moderation', { status: q.status, page })}
      />
    </>
  );
}

export function AdminModerationPage() {
  return (
    <AdminShell title="Moderation">
      <ModerationTabs current="reviews" />
      <Reviews />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminModerationPage,
  prefetch: adminPrefetch(({ queryClient, api, search }) =>
    queryClient.fetchQuery(adminReviewsQuery(api, reviewsQuery(search))),
  ),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Moderation') }),
};
