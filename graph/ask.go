package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/schema"
	"golang.org/x/text/unicode/norm"
)

// UnknownEntityError is a name the graph does not hold, with the names it
// holds that look most like it.
type UnknownEntityError struct {
	Name        string
	Suggestions []string
}

func (e *UnknownEntityError) Error() string {
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("%q is not in the graph", e.Name)
	}
	return fmt.Sprintf("%q is not in the graph; did you mean %s?", e.Name, quoteList(e.Suggestions))
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// Asker answers questions about the graph with the evidence for each answer.
type Asker struct {
	// MaxEvidence is how many sources to read behind each relation an
	// answer lists, one claim from each, the most informative first (the
	// newest documents); the rest are only counted, in the edge's Sources.
	// 0 reads every claim. NewAsker sets 5. Whether questions and "when"
	// questions read every claim between the two.
	MaxEvidence int

	store   *Store
	vocab   *schema.Vocabulary
	parser  *Parser
	aliases map[string]string // folded surface form → canonical name
}

// NewAsker makes an Asker that reads names through the gazetteer's aliases
// ("Ankara", "Erdogan", "the Kremlin").
func NewAsker(store *Store, vocab *schema.Vocabulary, gaz *schema.Gazetteer) *Asker {
	a := &Asker{MaxEvidence: 5, store: store, vocab: vocab, parser: NewParser(vocab), aliases: map[string]string{}}
	for _, n := range gaz.Names {
		if n.Kind != schema.Adjective {
			a.aliases[foldKey(n.Form)] = n.Entity.Name
		}
	}
	return a
}

// foldKey folds a name for lookup: case, diacritics, a leading "the", a
// final "'s".
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.NewReplacer("\u2019", "'", "\u0131", "i").Replace(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	k := strings.Join(strings.Fields(b.String()), " ")
	k = strings.TrimSuffix(strings.TrimPrefix(k, "the "), "'s")
	return k
}

// Resolve maps a name as a user wrote it to an entity of the graph:
// exactly, through the gazetteer's aliases, by case and diacritics, or by a
// person's surname. An unknown name gets suggestions. Names not held
// exactly are looked up in the store's name index.
func (a *Asker) Resolve(ctx context.Context, name string) (string, error) {
	var out string
	err := a.store.read(ctx, func(r *reader) error {
		var err error
		out, err = a.resolve(r, name)
		return err
	})
	return out, err
}

func (a *Asker) resolve(r *reader, name string) (string, error) {
	name = strings.TrimSpace(name)
	key := foldKey(name)
	for _, cand := range []string{name, strings.TrimPrefix(name, "the "), a.aliases[key]} {
		if cand == "" {
			continue
		}
		if id, err := r.id(cand); err != nil || id != 0 {
			return cand, err
		}
	}
	ix, err := r.names()
	if err != nil {
		return "", err
	}
	if n, ok := ix.exact(key); ok {
		return n, nil
	}
	bySurname := ix.bySurname(key)
	if len(bySurname) == 1 {
		return bySurname[0], nil
	}
	return "", &UnknownEntityError{Name: name, Suggestions: ix.suggest(key, bySurname)}
}

// editDistance is the Levenshtein distance between two strings in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Answer is what a question gets: entities with their evidence, paths, or
// a yes or no with the sources for and against.
type Answer struct {
	Question Question     `json:"question"`
	Summary  string       `json:"summary"`
	Yes      *bool        `json:"yes,omitempty"`
	Items    []AnswerItem `json:"items,omitempty"`
	Paths    []Path       `json:"paths,omitempty"`   // the best attested path of each route
	Routes   []Route      `json:"routes,omitempty"`  // shortest routes, the best attested first
	Against  []Evidence   `json:"against,omitempty"` // claims that deny or negate it
}

// AnswerItem is one relation that answers a question, with its evidence.
type AnswerItem struct {
	Entity   string     `json:"entity"` // the answer: who, what
	Edge     Edge       `json:"edge"`
	Evidence []Evidence `json:"evidence"`
}

// Ask parses a question, resolves its names and answers it, reading the
// store in one snapshot.
func (a *Asker) Ask(ctx context.Context, text string) (Answer, error) {
	q, err := a.parser.Parse(text)
	if err != nil {
		return Answer{Question: q}, err
	}
	ans := Answer{Question: q}
	err = a.store.read(ctx, func(r *reader) error {
		for _, name := range []*string{&ans.Question.Subject, &ans.Question.Object} {
			if *name == "" {
				continue
			}
			var err error
			if *name, err = a.resolve(r, *name); err != nil {
				return err
			}
		}
		return a.answer(r, &ans)
	})
	if err != nil {
		var unknown *UnknownEntityError
		if errors.As(err, &unknown) {
			return Answer{Question: q}, err
		}
	}
	return ans, err
}

// answer answers a question whose names are resolved.
func (a *Asker) answer(r *reader, ans *Answer) error {
	q := ans.Question
	switch q.Kind {
	case AskSubjects, AskObjects:
		return a.relations(r, ans)
	case AskAbout:
		return a.about(r, ans)
	case AskPath:
		paths, err := r.paths(q.Subject, q.Object, PathOptions{Evidence: 1, All: true, Limit: RoutePaths})
		ans.Routes = Routes(paths)
		for _, rt := range ans.Routes {
			ans.Paths = append(ans.Paths, rt.Best())
		}
		ans.Summary = fmt.Sprintf("%d shortest route(s) between %s and %s, the best attested first", len(ans.Routes), q.Subject, q.Object)
		if len(ans.Routes) == 1 {
			ans.Summary = fmt.Sprintf("1 shortest route between %s and %s", q.Subject, q.Object)
		}
		if len(ans.Routes) == 0 && err == nil {
			ans.Summary = fmt.Sprintf("no path of up to 4 hops between %s and %s", q.Subject, q.Object)
		}
		return err
	case AskWhen, AskCheck, AskSources:
		return a.check(r, ans)
	}
	return nil
}

// relations answers "Who sanctioned Turkey?" and "What did Turkey buy?"
// from the known entity's edges of that one relation.
func (a *Asker) relations(r *reader, ans *Answer) error {
	q := ans.Question
	known := q.Object
	if q.Kind == AskObjects {
		known = q.Subject
	}
	ans.Summary = "nothing in the graph answers this"
	node, err := r.id(known)
	if err != nil || node == 0 {
		return err
	}
	preds, err := r.predIDs([]string{q.Predicate})
	if err != nil || len(preds) == 0 {
		return err
	}
	adjs, err := r.adjacent(node, preds)
	if err != nil {
		return err
	}
	sym := a.vocab.Symmetric(q.Predicate)
	var kept []adj
	for _, e := range adjs {
		if !sym && e.forward != (q.Kind == AskObjects) {
			continue
		}
		if q.Type != "" {
			if t, err := r.typeOf(e.other); err != nil || t != q.Type {
				if err != nil {
					return err
				}
				continue
			}
		}
		kept = append(kept, e)
	}
	if err := a.items(r, ans, node, kept); err != nil || len(ans.Items) == 0 {
		return err
	}
	var names []string
	for _, it := range ans.Items {
		names = append(names, it.Entity)
	}
	ans.Summary = strings.Join(names, ", ")
	return nil
}

// items lists edges of node as answers, most corroborated first, each with
// the evidence of its most informative sources.
func (a *Asker) items(r *reader, ans *Answer, node uint64, adjs []adj) error {
	for _, e := range adjs {
		edge, err := r.edge(node, e)
		if err != nil {
			return err
		}
		it := AnswerItem{Entity: r.str(e.other), Edge: edge}
		subj, obj := node, e.other
		if !e.forward {
			subj, obj = obj, subj
		}
		recs, err := r.bestClaims(subj, e.pred, obj, e.docs, a.vocab.Symmetric(edge.Predicate), a.MaxEvidence)
		if err != nil {
			return err
		}
		if it.Evidence, err = r.evidence(recs); err != nil {
			return err
		}
		ans.Items = append(ans.Items, it)
	}
	sort.SliceStable(ans.Items, func(i, j int) bool {
		a, b := ans.Items[i].Edge, ans.Items[j].Edge
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		return a.Subject+a.Object < b.Subject+b.Object
	})
	return nil
}

// about answers "What do we know about Turkey?": its relations, most
// corroborated first, each with the evidence of its best sources.
func (a *Asker) about(r *reader, ans *Answer) error {
	node, err := r.id(ans.Question.Subject)
	if err != nil || node == 0 {
		return err
	}
	adjs, err := r.adjacent(node, nil)
	if err != nil {
		return err
	}
	if err := a.items(r, ans, node, adjs); err != nil {
		return err
	}
	t, err := r.typeOf(node)
	ans.Summary = fmt.Sprintf("%d relations of %s (%s)", len(adjs), ans.Question.Subject, t)
	return err
}

// check answers "Did Russia invade Ukraine?", "When did ...?" and "Which
// sources say ...?" from the claims between the two, for and against.
func (a *Asker) check(r *reader, ans *Answer) error {
	q := ans.Question
	evs, err := r.evidenceBetween(q.Subject, q.Predicate, q.Object, a.vocab.Symmetric(q.Predicate), 0)
	if err != nil {
		return err
	}
	item := AnswerItem{Entity: q.Object, Edge: Edge{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object}}
	docs := map[string]bool{}
	var dates []string
	for _, ev := range evs {
		if !ev.Asserted() {
			if ev.Modality == string(schema.Denied) || ev.Negated {
				ans.Against = append(ans.Against, ev)
			}
			continue
		}
		item.Evidence = append(item.Evidence, ev)
		if !docs[ev.Doc] {
			docs[ev.Doc] = true
			item.Edge.Sources = append(item.Edge.Sources, ev.Doc)
		}
		if ev.Date != "" && (len(dates) == 0 || dates[len(dates)-1] != ev.Date) {
			dates = append(dates, ev.Date)
		}
	}
	sort.Strings(item.Edge.Sources)
	yes := len(item.Evidence) > 0
	ans.Yes = &yes
	if yes {
		ans.Items = []AnswerItem{item}
	}
	switch {
	case q.Kind == AskWhen && yes:
		ans.Summary = "on " + strings.Join(dates, ", ")
		if len(dates) == 0 {
			ans.Summary = "the sources give no date"
		}
	case yes:
		ans.Summary = fmt.Sprintf("yes: %d source(s) say so", len(docs))
	default:
		ans.Summary = "no source in the graph says so"
	}
	if len(ans.Against) > 0 {
		ans.Summary += fmt.Sprintf("; %d claim(s) deny or negate it", len(ans.Against))
	}
	return nil
}
