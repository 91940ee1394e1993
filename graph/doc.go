// Package graph owns the Cayley store: it opens bolt, in-memory and SQL
// stores, turns claims into quads and writes each document in one
// transaction, runs Gizmo queries with limits and timeouts, and answers
// counts. It is the only package that imports Cayley, and it never imports
// ingest.
package graph
