export function SiteFooter({ offlineCatalog }: { offlineCatalog: boolean }) {
  return (
    <footer className="mt-16 border-t border-white/10 py-8 text-sm text-slate-400">
      <div className="mx-auto max-w-7xl space-y-2 px-4">
        <p>This product uses the TMDB API but is not endorsed or certified by TMDB.</p>
        {offlineCatalog && (
          <p>
            You are browsing the bundled offline catalog: a snapshot of real movie and TV facts, without live updates.
          </p>
        )}
      </div>
    </footer>
  );
}
