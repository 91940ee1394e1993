package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	db, format, output, base string
	opt                      graph.ExportOptions
	out, errw                io.Writer
}

func newExportCmd(g *globals) *cobra.Command {
	opts := &exportOptions{}
	var preds, types string
	var formats []string
	for f, what := range graph.Formats {
		formats = append(formats, fmt.Sprintf("  %-10s %s", f, what))
	}
	sort.Strings(formats)
	cmd := &cobra.Command{
		Use:   "export --format FORMAT [-o FILE]",
		Short: "Export the graph for Gephi, Graphviz, Cytoscape, yEd, Neo4j or RDF tools",
		Long: `export writes the graph, or the part of it selected, in a format other tools
open. Nodes carry their label, type, degree and number of sources; edges their
predicate, weight (documents asserting it), first and last date and one
evidence sentence. Formats:

` + strings.Join(formats, "\n") + `

Select a neighbourhood rather than a hairball with --around and --hops,
--predicates, --types, --min-sources, --since and --until.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := graph.Formats[opts.format]; !ok {
				return fmt.Errorf("unknown --format %q: use one of graphml, gexf, dot, cytoscape, jsonld, nquads, csv", opts.format)
			}
			if opts.format == "csv" && opts.output == "" {
				return errors.New("--format csv writes two files: give a directory with -o")
			}
			if preds != "" {
				opts.opt.Predicates = strings.Split(preds, ",")
			}
			if types != "" {
				for _, t := range strings.Split(types, ",") {
					opts.opt.Types = append(opts.opt.Types, schema.EntityType(strings.TrimSpace(t)))
				}
			}
			opts.db, opts.out, opts.errw = g.db, cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runExport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "graphml", "graphml, gexf, dot, cytoscape, jsonld, nquads or csv")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to this file (a directory for csv); standard output if not given")
	cmd.Flags().StringVar(&opts.opt.Around, "around", "", "only the neighbourhood of this entity")
	cmd.Flags().IntVar(&opts.opt.Hops, "hops", 1, "how far around --around")
	cmd.Flags().StringVar(&preds, "predicates", "", "only these relations, comma-separated")
	cmd.Flags().StringVar(&types, "types", "", "only entities of these types, comma-separated (country, person, ...)")
	cmd.Flags().IntVar(&opts.opt.MinSources, "min-sources", 1, "only edges asserted by at least this many documents")
	cmd.Flags().StringVar(&opts.opt.Since, "since", "", "only claims dated on or after this date (2022, 2022-03, 2022-03-05)")
	cmd.Flags().StringVar(&opts.opt.Until, "until", "", "only claims dated on or before this date")
	cmd.Flags().BoolVar(&opts.opt.Undated, "undated", false, "with --since or --until, also keep claims that have no date")
	cmd.Flags().StringVar(&opts.base, "base", graph.DefaultRDFBase, "IRI base of entities and predicates in jsonld and nquads")
	return cmd
}

func runExport(ctx context.Context, opts *exportOptions) error {
	store, err := openStore(ctx, opts.db, graph.Options{Existing: true}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	if opts.opt.Around != "" {
		if err := resolveNames(ctx, store, &opts.opt.Around); err != nil {
			return err
		}
	}
	if opts.format == "csv" {
		return exportCSV(ctx, store, opts)
	}
	w := opts.out
	var f *os.File
	if opts.output != "" {
		if f, err = os.Create(opts.output); err != nil {
			return err
		}
		w = f
	}
	var ew graph.ExportWriter
	switch opts.format {
	case "graphml":
		ew = &graph.GraphMLWriter{W: w}
	case "gexf":
		ew = &graph.GEXFWriter{W: w}
	case "dot":
		ew = &graph.DOTWriter{W: w}
	case "cytoscape":
		ew = &graph.CytoscapeWriter{W: w}
	case "jsonld":
		ew = &graph.JSONLDWriter{W: w, Base: opts.base}
	case "nquads":
		ew = &graph.NQuadsWriter{W: w, Base: opts.base}
	}
	counted := &countingWriter{ExportWriter: ew}
	if cw, ok := ew.(graph.ClaimsWriter); ok {
		counted.claims = cw.WritesClaims()
	}
	err = store.Export(ctx, opts.opt, counted)
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			// The data went to the file: say so, where the data would
			// have been.
			fmt.Fprintf(opts.errw, "wrote %s (%s): %d nodes, %d edges\n", opts.output, opts.format, counted.nodes, counted.edges)
		}
	}
	return err
}

// countingWriter counts what an export writes, and keeps the writer's
// choice of whether it writes claims.
type countingWriter struct {
	graph.ExportWriter
	claims       bool
	nodes, edges int
}

func (c *countingWriter) Node(n graph.ExportNode) error { c.nodes++; return c.ExportWriter.Node(n) }
func (c *countingWriter) Edge(e graph.ExportEdge) error { c.edges++; return c.ExportWriter.Edge(e) }
func (c *countingWriter) WritesClaims() bool            { return c.claims }

func exportCSV(ctx context.Context, store storeAPI, opts *exportOptions) error {
	if err := os.MkdirAll(opts.output, 0o755); err != nil {
		return err
	}
	nodes, err := os.Create(filepath.Join(opts.output, "nodes.csv"))
	if err != nil {
		return err
	}
	defer nodes.Close()
	rels, err := os.Create(filepath.Join(opts.output, "relationships.csv"))
	if err != nil {
		return err
	}
	defer rels.Close()
	if err := store.Export(ctx, opts.opt, &graph.CSVWriter{NodesW: nodes, EdgesW: rels}); err != nil {
		return err
	}
	fmt.Fprintf(opts.out, "wrote %s and %s\nimport with: neo4j-admin database import full --nodes=%s --relationships=%s\n",
		nodes.Name(), rels.Name(), nodes.Name(), rels.Name())
	return nil
}
