// The performance history database: see docs/performance-history.md.
