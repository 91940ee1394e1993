package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type neighborsOptions struct {
	db, entity string
	hops       int
	opt        graph.PathOptions
	json       bool
	out        io.Writer
	errw       io.Writer
}

func newNeighborsCmd(g *globals) *cobra.Command {
	opts := &neighborsOptions{}
	var preds string
	cmd := &cobra.Command{
		Use:     "neighbors ENTITY",
		Aliases: []string{"neighbours"},
		Short:   "List the entities around an entity and the relations that link them",
		Long: `neighbors lists the entities within --hops relations of ENTITY, whichever way
each relation points, with the predicate, its direction and how many documents
assert it. ENTITY may be any name or alias the graph knows ("Ankara" for
Turkey); --predicates and --min-sources narrow the relations followed.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.db, opts.entity, opts.out, opts.errw = g.db, args[0], cmd.OutOrStdout(), cmd.ErrOrStderr()
			if preds != "" {
				opts.opt.Predicates = strings.Split(preds, ",")
			}
			return runNeighbors(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.hops, "hops", 1, "how far to go")
	cmd.Flags().StringVar(&preds, "predicates", "", "only these relations, comma-separated")
	cmd.Flags().IntVar(&opts.opt.MinSources, "min-sources", 1, "ignore edges asserted by fewer documents")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the neighbourhood as JSON")
	return cmd
}

func runNeighbors(ctx context.Context, opts *neighborsOptions) error {
	store, err := openStore(ctx, opts.db, graph.Options{Existing: true}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := resolveNames(ctx, store, &opts.entity); err != nil {
		return err
	}
	nb, err := store.Neighbors(ctx, opts.entity, opts.hops, opts.opt)
	if err != nil {
		return err
	}
	if opts.json {
		return writeJSON(opts.out, nb)
	}
	fmt.Fprintf(opts.out, "%s: %d entities within %d hop(s), %d relations\n\n", nb.Center, len(nb.Hops)-1, opts.hops, len(nb.Edges))
	tw := tabwriter.NewWriter(opts.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "HOPS\tSUBJECT\tPREDICATE\tOBJECT\tSOURCES")
	edges := nb.Edges
	sort.SliceStable(edges, func(i, j int) bool {
		return hopOf(nb, edges[i]) < hopOf(nb, edges[j])
	})
	for _, e := range edges {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\n", hopOf(nb, e), e.Subject, e.Predicate, e.Object, len(e.Sources))
	}
	return tw.Flush()
}

// hopOf is how far an edge lies from the center: the hops of its far end.
func hopOf(nb graph.Neighbourhood, e graph.Edge) int {
	return max(nb.Hops[e.Subject], nb.Hops[e.Object])
}
