package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/spf13/cobra"
)

type askOptions struct {
	db       string
	question string
	json     bool
	evidence int
	out      io.Writer
	errw     io.Writer
}

func newAskCmd(g *globals) *cobra.Command {
	opts := &askOptions{}
	cmd := &cobra.Command{
		Use:   `ask "QUESTION"`,
		Short: "Ask the graph a question in plain English, with the evidence",
		Long: `ask answers relationship questions from the graph, listing the sentence,
document and date behind every answer. It understands:

  ` + strings.Join(graph.Forms, "\n  ") + `

Verbs may be in any tense, or nouns of the vocabulary ("imposed sanctions on");
names may be aliases ("Ankara", "Erdogan", "the Kremlin") or surnames of people
in the graph.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.db, opts.question, opts.out, opts.errw = g.db, strings.Join(args, " "), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runAsk(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the answer as JSON")
	cmd.Flags().IntVar(&opts.evidence, "evidence", 3, "evidence sentences to show for each answer")
	return cmd
}

func runAsk(ctx context.Context, opts *askOptions) error {
	store, err := openStore(ctx, opts.db, graph.Options{Existing: true}, opts.errw)
	if err != nil {
		return err
	}
	defer store.Close()
	ans, err := store.Ask(ctx, opts.question)
	var unknown *graph.UnknownEntityError
	var parse *graph.ParseError
	if errors.As(err, &unknown) || errors.As(err, &parse) {
		if opts.json {
			writeJSON(opts.out, map[string]interface{}{"question": ans.Question, "error": err.Error()})
		}
		return err
	}
	if err != nil {
		return err
	}
	if opts.json {
		return writeJSON(opts.out, ans)
	}
	writeAnswer(opts.out, ans, opts.evidence)
	return nil
}

func writeAnswer(w io.Writer, ans graph.Answer, evidence int) {
	fmt.Fprintf(w, "%s\n%s\n", ans.Question.Text, ans.Summary)
	for _, it := range ans.Items {
		fmt.Fprintf(w, "\n  %s  (%s)\n", edgeText(it.Edge), sourcesText(len(it.Edge.Sources)))
		writeEvidence(w, "      ", it.Evidence, evidence)
	}
	if len(ans.Routes) > 0 {
		fmt.Fprintln(w)
		writeRoute(w, ans.Routes[0], evidence)
		if n := len(ans.Routes) - 1; n > 0 {
			fmt.Fprintf(w, "\n%d other route(s) as short; `claimgraph path %q %q --all` lists them.\n", n, ans.Question.Subject, ans.Question.Object)
		}
	} else {
		for _, p := range ans.Paths {
			fmt.Fprintln(w)
			writePath(w, p, evidence)
		}
	}
	if len(ans.Against) > 0 {
		fmt.Fprintln(w, "\n  Against:")
		writeEvidence(w, "      ", ans.Against, evidence)
	}
}
