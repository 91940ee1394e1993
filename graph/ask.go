package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
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
	// MaxEvidence is how many asserted claims to read behind each relation
	// an answer lists (0: all); NewAsker sets 5. Whether questions and
	// "when" questions read every claim.
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
// person's surname. An unknown name gets suggestions.
func (a *Asker) Resolve(ctx context.Context, name string) (string, error) {
	name = strings.TrimSpace(name)
	key := foldKey(name)
	for _, cand := range []string{name, strings.TrimPrefix(name, "the "), a.aliases[key]} {
		if cand != "" && a.store.has(ctx, cand) {
			return cand, nil
		}
	}
	ents, err := a.store.Entities(ctx)
	if err != nil {
		return "", err
	}
	var bySurname []string
	for _, e := range ents {
		k := foldKey(e.Name)
		if k == key {
			return e.Name, nil
		}
		if f := strings.Fields(k); e.Type == schema.Person && len(f) > 1 && f[len(f)-1] == key {
			bySurname = append(bySurname, e.Name)
		}
	}
	if len(bySurname) == 1 {
		return bySurname[0], nil
	}
	return "", &UnknownEntityError{Name: name, Suggestions: suggest(key, ents, bySurname)}
}

// has reports whether the store holds a node with this name.
func (s *Store) has(ctx context.Context, name string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.node(ctx, quad.String(name)) != nil
}

// suggest returns up to three entity names close to key by edit distance.
func suggest(key string, ents []schema.Entity, also []string) []string {
	type scored struct {
		name string
		d    int
	}
	var c []scored
	for _, e := range ents {
		k := foldKey(e.Name)
		d := editDistance(key, k)
		if f := strings.Fields(k); len(f) > 1 {
			d = min(d, editDistance(key, f[len(f)-1]))
		}
		if d <= max(2, len(key)/3) {
			c = append(c, scored{e.Name, d})
		}
	}
	sort.SliceStable(c, func(i, j int) bool { return c[i].d < c[j].d })
	out := append([]string{}, also...)
	for _, s := range c {
		if len(out) == 3 {
			break
		}
		out = append(out, s.name)
	}
	return out
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
	Paths    []Path       `json:"paths,omitempty"`
	Against  []Evidence   `json:"against,omitempty"` // claims that deny or negate it
}

// AnswerItem is one relation that answers a question, with its evidence.
type AnswerItem struct {
	Entity   string     `json:"entity"` // the answer: who, what
	Edge     Edge       `json:"edge"`
	Evidence []Evidence `json:"evidence"`
}

// Ask parses a question, resolves its names and answers it.
func (a *Asker) Ask(ctx context.Context, text string) (Answer, error) {
	q, err := a.parser.Parse(text)
	if err != nil {
		return Answer{Question: q}, err
	}
	for _, name := range []*string{&q.Subject, &q.Object} {
		if *name == "" {
			continue
		}
		if *name, err = a.Resolve(ctx, *name); err != nil {
			return Answer{Question: q}, err
		}
	}
	ans := Answer{Question: q}
	switch q.Kind {
	case AskSubjects, AskObjects:
		err = a.relations(ctx, &ans)
	case AskAbout:
		err = a.about(ctx, &ans)
	case AskPath:
		ans.Paths, err = a.store.Paths(ctx, q.Subject, q.Object, PathOptions{Evidence: 1})
		ans.Summary = fmt.Sprintf("%d shortest path(s) between %s and %s", len(ans.Paths), q.Subject, q.Object)
		if len(ans.Paths) == 0 && err == nil {
			ans.Summary = fmt.Sprintf("no path of up to 4 hops between %s and %s", q.Subject, q.Object)
		}
	case AskWhen, AskCheck, AskSources:
		err = a.check(ctx, &ans)
	}
	return ans, err
}

// relations answers "Who sanctioned Turkey?" and "What did Turkey buy?".
func (a *Asker) relations(ctx context.Context, ans *Answer) error {
	q := ans.Question
	known := q.Object
	if q.Kind == AskObjects {
		known = q.Subject
	}
	edges, err := a.store.EdgesOf(ctx, known)
	if err != nil {
		return err
	}
	sym := a.vocab.Symmetric(q.Predicate)
	for _, e := range edges {
		if e.Predicate != q.Predicate {
			continue
		}
		var other string
		switch {
		case q.Kind == AskSubjects && e.Object == known:
			other = e.Subject
		case q.Kind == AskObjects && e.Subject == known:
			other = e.Object
		case sym && e.Subject == known:
			other = e.Object
		case sym && e.Object == known:
			other = e.Subject
		default:
			continue
		}
		if q.Type != "" && a.store.typeOf(ctx, other) != q.Type {
			continue
		}
		item, err := a.item(ctx, other, e, sym)
		if err != nil {
			return err
		}
		ans.Items = append(ans.Items, item)
	}
	var names []string
	for _, it := range ans.Items {
		names = append(names, it.Entity)
	}
	ans.Summary = strings.Join(names, ", ")
	if len(names) == 0 {
		ans.Summary = "nothing in the graph answers this"
	}
	return nil
}

// item attaches the asserted evidence of an edge.
func (a *Asker) item(ctx context.Context, entity string, e Edge, sym bool) (AnswerItem, error) {
	evs, err := a.store.EvidenceN(ctx, e.Subject, e.Predicate, e.Object, sym, a.MaxEvidence)
	if err != nil {
		return AnswerItem{}, err
	}
	it := AnswerItem{Entity: entity, Edge: e}
	for _, ev := range evs {
		if ev.Asserted() {
			it.Evidence = append(it.Evidence, ev)
		}
	}
	return it, nil
}

// typeOf reads an entity's type.
func (s *Store) typeOf(ctx context.Context, name string) schema.EntityType {
	s.mu.RLock()
	defer s.mu.RUnlock()
	qs, _ := s.quadsFrom(ctx, quad.String(name))
	for _, q := range qs {
		if valueString(q.Predicate) == PredType {
			return schema.EntityType(valueString(q.Object))
		}
	}
	return ""
}

// about answers "What do we know about Turkey?": its relations, most
// corroborated first, each with one piece of evidence.
func (a *Asker) about(ctx context.Context, ans *Answer) error {
	edges, err := a.store.EdgesOf(ctx, ans.Question.Subject)
	if err != nil {
		return err
	}
	for _, e := range edges {
		other := e.Object
		if other == ans.Question.Subject {
			other = e.Subject
		}
		item, err := a.item(ctx, other, e, a.vocab.Symmetric(e.Predicate))
		if err != nil {
			return err
		}
		ans.Items = append(ans.Items, item)
	}
	ans.Summary = fmt.Sprintf("%d relations of %s (%s)", len(edges), ans.Question.Subject, a.store.typeOf(ctx, ans.Question.Subject))
	return nil
}

// check answers "Did Russia invade Ukraine?", "When did ...?" and "Which
// sources say ...?" from the claims between the two, for and against.
func (a *Asker) check(ctx context.Context, ans *Answer) error {
	q := ans.Question
	evs, err := a.store.Evidence(ctx, q.Subject, q.Predicate, q.Object, a.vocab.Symmetric(q.Predicate))
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
