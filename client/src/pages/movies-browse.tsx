import { BrowseSection } from '../components/filters/browse-section.tsx';
import { browseRoute } from '../components/filters/browse-route.ts';

export function MoviesBrowsePage() {
  return <BrowseSection kind="movie" />;
}

export const route = browseRoute('movie', MoviesBrowsePage);
