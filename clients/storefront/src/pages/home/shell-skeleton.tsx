import { HomeSkeleton } from './home-skeleton.js';

/**
 * The frame drawn before the first page's code arrives: the same header, skeleton and tab bar
 * as the shell inlined in index.html, so the page goes shell → skeleton → content without a
 * blank or a spinner in between.
 */
export function ShellSkeleton() {
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Blooming Blooms</span>
        </span>
        <span className="search-box">
          <span className="skeleton-block skeleton-search" />
        </span>
      </header>
      <main className="page">
        <HomeSkeleton />
      </main>
      <nav className="tabbar" aria-hidden="true" />
    </div>
  );
}
