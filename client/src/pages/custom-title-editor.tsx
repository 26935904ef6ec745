import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { CustomTitleForm } from '../components/library/custom-title-form.tsx';
import { SignInPrompt } from '../components/library/sign-in-prompt.tsx';
import { customTitleQuery, useSaveCustomTitle } from '../hooks/use-custom-titles.ts';
import { libraryStateQuery, useLibraryStateSuspense } from '../hooks/use-library.ts';
import { useApi } from '../lib/api-context.tsx';
import type { Params, RouteDef } from '../route-types.ts';

/** /custom/new adds a title the catalog lacks; /custom/:id/edit changes one (owner or admin). */
export function CustomTitleEditorPage({ params }: { params: Params }) {
  const api = useApi();
  const id = params.id;
  const { data: state } = useLibraryStateSuspense();
  const existing = useQuery({ ...customTitleQuery(api, id ?? ''), enabled: Boolean(id) });
  const save = useSaveCustomTitle(id);
  const [location, navigate] = useLocation();
  const heading = id ? 'Edit custom title' : 'Add a title';
  return (
    <PageTransition className="px-4 py-6">
      <h1 className="mb-2 text-3xl font-bold tracking-tight">{heading}</h1>
      {!id && (
        <p className="mb-6 text-slate-400">
          Something the catalog lacks: a festival short, a home movie, a lost classic.
        </p>
      )}
      {!state.viewer ? (
        <SignInPrompt returnTo={location} what="this form" />
      ) : id && !existing.data ? (
        <p className="text-slate-400">Loading…</p>
      ) : (
        <CustomTitleForm
          initial={existing.data}
          submitLabel={id ? 'Save changes' : 'Add title'}
          onSubmit={async (body) => navigate(`/custom/${(await save.mutateAsync(body)).id}`)}
        />
      )}
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: CustomTitleEditorPage,
  prefetch: ({ queryClient, api, params }) =>
    Promise.all([
      queryClient.fetchQuery(libraryStateQuery(api)),
      params.id ? queryClient.fetchQuery(customTitleQuery(api, params.id)) : null,
    ]),
  head: ({ params }) => ({ title: params.id ? 'Edit custom title' : 'Add a title' }),
};
