package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/claimgraph/claimgraph/schema"
)

// The scoring rules are those of shared/eval/score.py: claims are compared
// per document after folding names and mapping aliases; only the core
// vocabulary is scored; symmetric predicates match either way; claims that
// are negated, denied or hypothetical are left out.

// GoldClaim is one annotated claim. S, P and O list acceptable values.
type GoldClaim struct {
	Doc       string
	S, P, O   []string
	Must      bool
	Forbidden bool
	Why       string
}

// Gold is a gold annotation: entity aliases and claims.
type Gold struct {
	aliases map[string]string
	Claims  []GoldClaim
}

// coreVocabulary is what the scorer scores; symmetricCore reads both ways.
var (
	coreVocabulary = setOf("met", "visited", "invited", "hosted", "urged", "warned", "criticized",
		"praised", "rejected", "supports", "opposes", "cooperates_with", "trades_with", "mediates",
		"sanctioned", "invaded", "annexed", "attacked", "fought", "deployed", "bought", "sold",
		"made_by", "member_of", "part_of", "borders", "closed", "official_of", "seeks_to_join",
		"signed_agreement_with", "killed", "detained", "seized", "threatened", "sued", "owns",
		"invested_in", "supplied")
	symmetricCore = setOf("met", "cooperates_with", "trades_with", "fought", "borders", "signed_agreement_with")
	notAsserted   = setOf("negated", "denied", "hypothetical", "negative")
)

// ReadGold reads a gold file: {"entity", "aliases"} lines and claim lines
// with doc, s, p, o (strings or lists), must and forbidden.
func ReadGold(r io.Reader) (*Gold, error) {
	g := &Gold{aliases: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var row struct {
			Entity    string   `json:"entity"`
			Aliases   []string `json:"aliases"`
			Doc       string   `json:"doc"`
			Must      bool     `json:"must"`
			Forbidden bool     `json:"forbidden"`
			Why       string   `json:"why"`
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			return nil, fmt.Errorf("gold line %d: %v", n, err)
		}
		json.Unmarshal([]byte(line), &row)
		if row.Entity != "" {
			for _, name := range append([]string{row.Entity}, row.Aliases...) {
				g.aliases[foldName(name)] = row.Entity
			}
			continue
		}
		c := GoldClaim{Doc: row.Doc, Must: row.Must, Forbidden: row.Forbidden, Why: row.Why}
		var err error
		for key, dst := range map[string]*[]string{"s": &c.S, "p": &c.P, "o": &c.O} {
			if *dst, err = alternatives(raw[key]); err != nil {
				return nil, fmt.Errorf("gold line %d: field %q: %v", n, key, err)
			}
		}
		g.Claims = append(g.Claims, c)
	}
	return g, sc.Err()
}

func alternatives(raw json.RawMessage) ([]string, error) {
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return []string{one}, nil
	}
	var many []string
	err := json.Unmarshal(raw, &many)
	return many, err
}

var (
	nonWord = regexp.MustCompile(`[^\p{L}\p{N}_\s\-@]`)
	spaces  = regexp.MustCompile(`\s+`)
)

// foldName folds a name as score.py does: typographic apostrophe and dotless
// i made plain, diacritics dropped, lower case, a final "'s" and punctuation
// removed, a leading "the" dropped.
func foldName(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u0131", "i").Replace(s)
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	s = strings.TrimSuffix(strings.TrimSpace(b.String()), "'s")
	s = strings.TrimSpace(spaces.ReplaceAllString(nonWord.ReplaceAllString(s, " "), " "))
	return strings.TrimPrefix(s, "the ")
}

func (g *Gold) canon(name string) string {
	key := foldName(name)
	if a, ok := g.aliases[key]; ok {
		return a
	}
	return key
}

func predKey(p string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(strings.TrimSpace(p)), func(r rune) bool {
		return unicode.IsSpace(r) || r == '-'
	}), "_")
}

// ScoredClaim is a claim as the scorer compares it.
type ScoredClaim struct{ Doc, S, P, O string }

// Report is the outcome of scoring claims against gold.
type Report struct {
	Scored, Right, Wrong, Forbidden, NotAsserted int
	MustFound, Must, OptionalFound, Optional     int
	Precision, Recall, F1                        float64
	Missed                                       []GoldClaim   // must claims not found
	WrongClaims                                  []ScoredClaim // claims matching no gold line
}

// Score compares extracted claims with the gold annotation.
func (g *Gold) Score(claims []schema.Claim) Report {
	var rep Report
	seen := map[ScoredClaim]bool{}
	for _, c := range claims {
		if c.Negated || notAsserted[strings.ToLower(string(c.Modality))] {
			rep.NotAsserted++
			continue
		}
		p := predKey(c.Predicate)
		if !coreVocabulary[p] {
			continue
		}
		s, o := g.canon(c.Subject), g.canon(c.Object)
		if symmetricCore[p] && o < s {
			s, o = o, s
		}
		seen[ScoredClaim{Doc: path.Base(strings.ReplaceAll(c.Doc, "\\", "/")), S: s, P: p, O: o}] = true
	}
	docs := map[string]bool{}
	for _, gc := range g.Claims {
		docs[gc.Doc] = true
	}
	distinct := make([]ScoredClaim, 0, len(seen))
	for c := range seen {
		if docs[c.Doc] {
			distinct = append(distinct, c)
		}
	}
	sort.Slice(distinct, func(i, j int) bool {
		a, b := distinct[i], distinct[j]
		return a.Doc+"\x00"+a.S+"\x00"+a.P+"\x00"+a.O < b.Doc+"\x00"+b.S+"\x00"+b.P+"\x00"+b.O
	})
	hit := map[int]bool{}
	for _, c := range distinct {
		good, bad := false, false
		for i, gc := range g.Claims {
			if g.matches(c, gc) {
				if gc.Forbidden {
					bad = true
				} else {
					good = true
					hit[i] = true
				}
			}
		}
		switch {
		case good:
			rep.Right++
		default:
			rep.Wrong++
			rep.WrongClaims = append(rep.WrongClaims, c)
			if bad {
				rep.Forbidden++
			}
		}
	}
	for i, gc := range g.Claims {
		switch {
		case gc.Forbidden:
		case gc.Must:
			rep.Must++
			if hit[i] {
				rep.MustFound++
			} else {
				rep.Missed = append(rep.Missed, gc)
			}
		default:
			rep.Optional++
			if hit[i] {
				rep.OptionalFound++
			}
		}
	}
	rep.Scored = rep.Right + rep.Wrong
	if rep.Scored > 0 {
		rep.Precision = float64(rep.Right) / float64(rep.Scored)
	}
	if rep.Must > 0 {
		rep.Recall = float64(rep.MustFound) / float64(rep.Must)
	}
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	return rep
}

func (g *Gold) matches(c ScoredClaim, gc GoldClaim) bool {
	if c.Doc != gc.Doc || !g.anyPred(gc.P, c.P) {
		return false
	}
	if g.anyName(gc.S, c.S) && g.anyName(gc.O, c.O) {
		return true
	}
	return symmetricCore[c.P] && g.anyName(gc.S, c.O) && g.anyName(gc.O, c.S)
}

func (g *Gold) anyName(alts []string, name string) bool {
	for _, a := range alts {
		if g.canon(a) == name {
			return true
		}
	}
	return false
}

func (g *Gold) anyPred(alts []string, p string) bool {
	for _, a := range alts {
		if predKey(a) == p {
			return true
		}
	}
	return false
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
