package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type queryOptions struct {
	db      string
	script  string
	name    string // where the script came from, for errors
	limit   int
	timeout time.Duration
	out     io.Writer
	errw    io.Writer
}

func newQueryCmd(g *globals) *cobra.Command {
	opts := &queryOptions{}
	var file string
	cmd := &cobra.Command{
		Use:   "query [SCRIPT | -]",
		Short: "Run a Gizmo query against the graph",
		Long: `query runs a Gizmo script (Cayley's JavaScript query language) and prints the
results as JSON in the shape Cayley's HTTP API returns: {"result": [...]}.
The script is the argument, the file given with -f, or standard input ("-").

  claimgraph query 'g.V("Turkey").Out("bought").All()'
  claimgraph query 'g.V("Turkey").In("sanctioned").All()'
  claimgraph query -f examples/gizmo/evidence-about-entity.js`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			script, name, err := readScript(args, file, g.stdin)
			if err != nil {
				return err
			}
			if opts.limit < 0 || opts.timeout <= 0 {
				return errors.New("--limit must be 0 or more and --timeout more than 0")
			}
			opts.db, opts.script, opts.name = g.db, script, name
			opts.out, opts.errw = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runQuery(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", "", "read the script from this file")
	cmd.Flags().IntVar(&opts.limit, "limit", 100, "most results to return (0: no limit)")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", 30*time.Second, "stop the query after this long")
	return cmd
}

func readScript(args []string, file string, stdin io.Reader) (string, string, error) {
	switch {
	case file != "" && len(args) > 0:
		return "", "", errors.New("give the script as an argument or with -f, not both")
	case file != "":
		b, err := os.ReadFile(file)
		return string(b), file, err
	case len(args) == 0 || args[0] == "-":
		b, err := io.ReadAll(stdin)
		return string(b), "standard input", err
	}
	return args[0], "the query", nil
}

func runQuery(ctx context.Context, opts *queryOptions) error {
	store, err := openStore(ctx, opts.db, graph.Options{Existing: true}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx, cancel := context.WithTimeout(ctx, opts.timeout)
	defer cancel()
	res, err := store.Query(ctx, opts.script, opts.limit)
	if errors.Is(err, graph.ErrTimeout) {
		return fmt.Errorf("%s timed out after %s: narrow it, add .Limit(), or raise --timeout", opts.name, opts.timeout)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", opts.name, err)
	}
	enc := json.NewEncoder(opts.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]interface{}{"result": res})
}
