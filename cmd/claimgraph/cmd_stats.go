package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type statsOptions struct {
	db   string
	json bool
	out  io.Writer
	errw io.Writer
}

func newStatsCmd(g *globals) *cobra.Command {
	opts := &statsOptions{}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count documents, claims, entities and relations in the graph",
		Long: `stats counts what the store holds: documents, claims (and how many are
asserted), entities by type, relations (distinct subject, predicate, object
edges) by predicate, and the quads behind them. It reads the store in one
snapshot; --json prints the same counts as one object.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.db, opts.out, opts.errw = g.db, cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runStats(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the counts as JSON")
	return cmd
}

func runStats(ctx context.Context, opts *statsOptions) error {
	store, err := openStore(ctx, opts.db, graph.Options{Existing: true}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if opts.json {
		enc := json.NewEncoder(opts.out)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	tw := tabwriter.NewWriter(opts.out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "documents\t%d\t\n", st.Documents)
	fmt.Fprintf(tw, "claims\t%d\t (%d asserted, %d not asserted)\n", st.Claims, st.Asserted, st.NotAsserted)
	fmt.Fprintf(tw, "entities\t%d\t\n", st.Entities)
	fmt.Fprintf(tw, "relations\t%d\t (%d corroborated by more than one document)\n", sum(st.Relations), st.Corroborated)
	fmt.Fprintf(tw, "quads\t%d\t\n", st.Quads)
	tw.Flush()
	writeCounts(opts.out, "Entities by type", st.EntityTypes)
	writeCounts(opts.out, "Relations by predicate", st.Relations)
	return nil
}

// writeCounts prints counts largest first, ties by name.
func writeCounts(w io.Writer, title string, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintf(w, "\n%s:\n", title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, k := range keys {
		fmt.Fprintf(tw, "  %s\t%d\n", k, counts[k])
	}
	tw.Flush()
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
