import { BrowseSection } from '../components/filters/browse-section.tsx';
import { browseRoute } from '../components/filters/browse-route.ts';

export function TvBrowsePage() {
  return <BrowseSection kind="tv" />;
}

export const route = browseRoute('tv', TvBrowsePage);
