package ingest

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/schema"
)

// ExtractorName identifies the rules that made a claim; it is stored with
// every claim so that claims made by other versions can be told apart.
const ExtractorName = "claimgraph-rules/1"

// Extractor turns documents into claims. It is safe for concurrent use.
type Extractor struct {
	lx *lexicon
}

// NewExtractor compiles a vocabulary and gazetteer for extraction.
func NewExtractor(vocab *schema.Vocabulary, gaz *schema.Gazetteer) *Extractor {
	return &Extractor{lx: newLexicon(vocab, gaz)}
}

// Extract finds the claims of one cleaned document.
func (x *Extractor) Extract(doc schema.Document) schema.Extraction {
	out := schema.Extraction{Document: doc}
	article, _ := time.Parse("2006-01-02", doc.Date)
	res := newResolver(x.lx)
	entities := map[schema.Entity]bool{}
	seen := map[string]bool{}
	agents := map[string]Mention{} // predicate and object → who did it, as said earlier
	for _, s := range SplitSentences(doc.Text) {
		out.Sentences++
		ments := x.lx.recognize(s.Tokens)
		ments = x.lx.composeOffices(s.Tokens, ments)
		ments = res.resolve(s.Tokens, ments)
		f := newFrame(s.Tokens, ments)
		dates := findDates(s.Tokens, article)
		for _, c := range x.lx.claimsOf(f) {
			agentKey := c.pred + "\x00" + c.obj.Entity.Name
			if c.agentless {
				agent, ok := agents[agentKey]
				if !ok {
					continue // nobody named in the article did this
				}
				c.subj = agent
			} else if c.mod.Asserts() && !c.negated {
				agents[agentKey] = c.subj
			}
			claim := x.provenance(doc, s, f, c, dates)
			key := claimKey(claim)
			if seen[key] {
				continue
			}
			seen[key] = true
			out.Claims = append(out.Claims, claim)
			entities[schema.Entity{Name: claim.Subject, Type: claim.SubjectType}] = true
			entities[schema.Entity{Name: claim.Object, Type: claim.ObjectType}] = true
		}
	}
	for e := range entities {
		out.Entities = append(out.Entities, e)
	}
	sort.Slice(out.Entities, func(i, j int) bool { return out.Entities[i].Name < out.Entities[j].Name })
	return out
}

// provenance makes a found claim a schema.Claim with its sentence, offsets,
// date, attribution and extractor.
func (x *Extractor) provenance(doc schema.Document, s Sentence, f *frame, c found, dates []dateExpr) schema.Claim {
	claim := schema.Claim{
		Doc:         doc.ID,
		Subject:     c.subj.Entity.Name,
		SubjectType: c.subj.Entity.Type,
		Predicate:   c.pred,
		Object:      c.obj.Entity.Name,
		ObjectType:  c.obj.Entity.Type,
		Negated:     c.negated,
		Modality:    c.mod,
		Sentence:    doc.Text[s.Start:s.End],
		Start:       s.Start,
		End:         s.End,
		Date:        doc.Date,
		Qualifiers:  map[string]string{},
		Confidence:  c.confidence,
		Extractor:   ExtractorName,
	}
	for k, v := range c.quals {
		if v != "" {
			claim.Qualifiers[k] = v
		}
	}
	from, to := f.clause(c.at, c.end)
	if d, ok := nearestDate(dates, c.at, from, to); ok && c.pred != schema.OfficialOf && c.pred != schema.MadeBy {
		claim.Date = d.value
		if d.since {
			claim.Qualifiers["since"] = d.value
		}
	}
	if claim.Modality == schema.Reported {
		if src := f.source(); src != "" && src != claim.Subject {
			claim.Qualifiers["source"] = src
		}
	}
	if x.lx.vocab.Symmetric(claim.Predicate) && claim.Object < claim.Subject {
		claim.Subject, claim.Object = claim.Object, claim.Subject
		claim.SubjectType, claim.ObjectType = claim.ObjectType, claim.SubjectType
	}
	return claim
}

// claimKey identifies a claim within a document: the same relation from
// the same sentence, put the same way, is one claim.
func claimKey(c schema.Claim) string {
	return strings.Join([]string{c.Subject, c.Predicate, c.Object, string(c.Modality), strconv.Itoa(c.Start)}, "\x00")
}
