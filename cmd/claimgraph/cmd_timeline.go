package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type timelineOptions struct {
	db, entity, other string
	all, json         bool
	out, errw         io.Writer
}

func newTimelineCmd(g *globals) *cobra.Command {
	opts := &timelineOptions{}
	cmd := &cobra.Command{
		Use:   "timeline ENTITY [OTHER]",
		Short: "List the claims about an entity, or between two, in date order",
		Long: `timeline lists the claims whose subject or object is ENTITY (or, given OTHER,
the claims between the two, either way round) by the date of the article that
makes them; undated claims come first, dated "-". Only asserted claims are
shown unless --all is given.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.db, opts.entity, opts.out, opts.errw = g.db, args[0], cmd.OutOrStdout(), cmd.ErrOrStderr()
			if len(args) == 2 {
				opts.other = args[1]
			}
			return runTimeline(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "also claims that are not asserted")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the claims as JSON")
	return cmd
}

func runTimeline(ctx context.Context, opts *timelineOptions) error {
	store, err := openStore(ctx, opts.db, graph.Options{Existing: true}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	names := []*string{&opts.entity}
	if opts.other != "" {
		names = append(names, &opts.other)
	}
	if err := resolveNames(ctx, store, names...); err != nil {
		return err
	}
	evs, err := store.ClaimsAbout(ctx, opts.entity, opts.other)
	if err != nil {
		return err
	}
	if !opts.all {
		kept := evs[:0]
		for _, ev := range evs {
			if ev.Asserted() {
				kept = append(kept, ev)
			}
		}
		evs = kept
	}
	if opts.json {
		return writeJSON(opts.out, evs)
	}
	tw := tabwriter.NewWriter(opts.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSUBJECT\tPREDICATE\tOBJECT\tMODALITY\tDOCUMENT")
	for _, ev := range evs {
		date := ev.Date
		if date == "" {
			date = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", date, ev.Subject, ev.Predicate, ev.Object, ev.Modality, shorten(ev.Doc, 32))
	}
	return tw.Flush()
}
