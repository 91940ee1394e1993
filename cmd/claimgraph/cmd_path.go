package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type pathOptions struct {
	db, from, to string
	opt          graph.PathOptions
	json         bool
	out, errw    io.Writer
}

func newPathCmd(g *globals) *cobra.Command {
	opts := &pathOptions{}
	var preds string
	cmd := &cobra.Command{
		Use:   "path FROM TO",
		Short: "Find the shortest paths between two entities, with evidence for each hop",
		Long: `path finds the shortest chains of relations between two entities. Connectivity
ignores direction, but each hop prints its true direction and its evidence.
Names may be aliases or surnames, as for ask.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.db, opts.from, opts.to = g.db, args[0], args[1]
			opts.out, opts.errw = cmd.OutOrStdout(), cmd.ErrOrStderr()
			if preds != "" {
				opts.opt.Predicates = strings.Split(preds, ",")
			}
			return runPath(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.opt.MaxHops, "max-hops", 4, "longest path to look for")
	cmd.Flags().BoolVar(&opts.opt.All, "all", false, "show every shortest path, not only one")
	cmd.Flags().StringVar(&preds, "predicates", "", "only these relations, comma-separated")
	cmd.Flags().IntVar(&opts.opt.MinSources, "min-sources", 1, "ignore edges asserted by fewer documents")
	cmd.Flags().IntVar(&opts.opt.Evidence, "evidence", 1, "evidence sentences for each hop")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the paths as JSON")
	return cmd
}

func runPath(ctx context.Context, opts *pathOptions) error {
	store, err := openStore(ctx, opts.db, graph.Options{Existing: true}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := resolveNames(ctx, store, &opts.from, &opts.to); err != nil {
		return err
	}
	if opts.from == opts.to && !opts.json {
		fmt.Fprintf(opts.out, "%s and %s are the same entity: no path to find (0 hops).\n", opts.from, opts.to)
		return nil
	}
	// Every shortest path, grouped into routes by the entities they pass
	// through and ranked by evidence; without --all, the best route.
	search := opts.opt
	search.All = true
	if search.Limit == 0 {
		search.Limit = graph.RoutePaths
	}
	paths, err := store.Paths(ctx, opts.from, opts.to, search)
	if err != nil {
		return err
	}
	routes := graph.Routes(paths)
	others := 0
	if !opts.opt.All && len(routes) > 1 {
		routes, others = routes[:1], len(routes)-1
	}
	if opts.json {
		best := make([]graph.Path, len(routes))
		for i, r := range routes {
			best[i] = r.Best()
		}
		return writeJSON(opts.out, map[string]interface{}{"from": opts.from, "to": opts.to, "paths": best, "routes": routes})
	}
	if len(routes) == 0 {
		hops := opts.opt.MaxHops
		if hops == 0 {
			hops = 4 // the search's own default
		}
		fmt.Fprintf(opts.out, "No path of up to %d hops between %s and %s.\n", hops, opts.from, opts.to)
		return nil
	}
	for i, r := range routes {
		if i > 0 {
			fmt.Fprintln(opts.out)
		}
		writeRoute(opts.out, r, opts.opt.Evidence)
	}
	if others > 0 {
		fmt.Fprintf(opts.out, "\n%d other route(s) as short; --all lists them.\n", others)
	}
	return nil
}
