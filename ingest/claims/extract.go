package claims

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/ingest/syntax"
	"github.com/claimgraph/claimgraph/schema"
)

// Name identifies the extractor that made a claim; it is stored with every
// document so that claims made by other versions can be told apart.
const Name = "claimgraph-parse/1"

// Extractor reads the claims of documents. It is safe for concurrent use.
type Extractor struct {
	lx      *lexicon
	model   *syntax.Model
	explain bool
}

// Explaining returns an extractor that gives every claim its Explanation:
// the trigger, the frame, the arcs its subject and object came from and why
// its modality is what it is.
func (x *Extractor) Explaining() *Extractor {
	e := *x
	e.explain = true
	return &e
}

// NewExtractor compiles a vocabulary and gazetteer for extraction with a
// syntax model.
func NewExtractor(vocab *schema.Vocabulary, gaz *schema.Gazetteer, model *syntax.Model) *Extractor {
	return &Extractor{lx: newLexicon(vocab, gaz), model: model}
}

// document is one document as the extractor reads it.
type document struct {
	doc   schema.Document
	sents []*sentence
	ments [][]*mention
	at    [][]int // per sentence, token -> index into ments, or -1
	art   *article
	// offices are the official_of claims of each sentence, found as the
	// references are resolved so that later bare offices find their holder.
	offices [][]found
	date    time.Time
}

// Extract finds the claims of one cleaned document.
func (x *Extractor) Extract(doc schema.Document) schema.Extraction {
	d := x.read(doc)
	out := schema.Extraction{Document: doc, Sentences: len(d.sents)}
	seen := map[string]bool{}
	entities := map[schema.Entity]bool{}
	for k, s := range d.sents {
		if !s.hasVerb(x.lx) {
			continue // a caption, byline or list line: nothing is said in it
		}
		dates := findDates(dateTokens(s), d.date)
		fs := x.lx.framesOf(s)
		fs = append(fs, d.offices[k]...)
		fs = append(fs, x.phrasesOf(s, d.ments[k], d.at[k])...)
		fs = append(fs, x.membershipsOf(s, d.ments[k], d.at[k])...)
		for _, f := range fs {
			c, ok := x.claim(d, k, f, dates)
			if !ok {
				continue
			}
			for _, c := range append([]schema.Claim{c}, x.converse(d, k, f, c)...) {
				key := claimKey(c)
				if seen[key] {
					continue
				}
				seen[key] = true
				out.Claims = append(out.Claims, c)
				entities[schema.Entity{Name: c.Subject, Type: c.SubjectType}] = true
				entities[schema.Entity{Name: c.Object, Type: c.ObjectType}] = true
			}
		}
	}
	for e := range entities {
		out.Entities = append(out.Entities, e)
	}
	sort.Slice(out.Entities, func(i, j int) bool { return out.Entities[i].Name < out.Entities[j].Name })
	return out
}

// read tags and parses every sentence, recognises the mentions and
// resolves them across the document.
func (x *Extractor) read(doc schema.Document) *document {
	d := &document{doc: doc, art: newArticle(x.lx)}
	d.date, _ = time.Parse("2006-01-02", doc.Date)
	a := x.model.NewAnalyzer()
	a.Finite = true
	var forms []string
	analyse := func(k int, span syntax.Span) *sentence {
		forms = forms[:0]
		for _, t := range span.Tokens {
			forms = append(forms, t.Text)
		}
		s := newSentence(k, span, a.Analyze(forms, nil))
		s.common = make([]bool, len(forms))
		for i, f := range forms {
			c := x.model.Capitalisation(f)
			s.common[i] = c > 0 && c <= 2
		}
		return s
	}
	for k, span := range syntax.SplitSentences(doc.Text) {
		span.Tokens = span.Tokens[dateline(span.Tokens):]
		s := analyse(k, span)
		d.sents = append(d.sents, s)
		d.ments = append(d.ments, x.lx.recognize(s))
	}
	// The headline says whose story it is as much as the text does
	// ("ITALIAN COALITION MEETS AS GOVERNMENT CRISIS LOOMS"); its names
	// count towards the article's country, and make no claims.
	counted := d.ments
	if doc.Title != "" && !strings.Contains(doc.Text[:min(len(doc.Text), len(doc.Title)+64)], doc.Title) {
		var heads [][]*mention
		for _, span := range syntax.SplitSentences(doc.Title) {
			heads = append(heads, x.lx.recognize(analyse(-1, span)))
		}
		counted = append(heads, d.ments...)
	}
	d.art.mainCountry(counted)
	for k, s := range d.sents {
		ms := d.ments[k]
		for _, m := range ms {
			m.subject = s.hasRel(m.head, "nsubj")
			m.possessor = s.hasRel(m.head, "nmod:poss")
			m.place = locative(s, m.head)
		}
		d.art.resolve(s, ms)
		at := make([]int, len(s.toks))
		for i := range at {
			at[i] = -1
		}
		for i, m := range ms {
			for t := m.start; t < m.end; t++ {
				at[t] = i
			}
		}
		d.at = append(d.at, at)
		offices := x.officesOf(s, ms, at, d.art)
		for _, f := range offices {
			if i := at[f.subj]; i >= 0 && f.role != "" {
				d.art.holds(ms[i].entity.Name, f.role)
			}
		}
		d.offices = append(d.offices, offices)
	}
	return d
}

// dateline returns how many tokens a wire dateline takes at the start of
// a sentence ("ABUJA, July 31 -", "LONDON (Reuters) -", "NEW YORK, March
// 3 (Reuters) -"), or 0. It is no part of the sentence's grammar, and
// parsed with it the sentence goes wrong.
func dateline(toks []syntax.Token) int {
	caps := 0
	for i, t := range toks {
		if i > 12 {
			return 0
		}
		switch t.Text {
		case "-", "--", "–", "—":
			if caps > 0 && i+1 < len(toks) {
				return i + 1
			}
			return 0
		case ",", "(", ")", ".":
			continue
		}
		if caps == i-countPunct(toks[:i]) && upperWord(t.Text) {
			caps++ // the place, written in capitals
			continue
		}
		if caps == 0 {
			return 0
		}
		// after the place: a date, an agency, a day
		if !startsUpper(t.Text) && !startsDigit(t.Text) {
			return 0
		}
	}
	return 0
}

func countPunct(toks []syntax.Token) int {
	n := 0
	for _, t := range toks {
		switch t.Text {
		case ",", "(", ")", ".":
			n++
		}
	}
	return n
}

// upperWord reports whether w is written in capitals, as datelines write
// places ("ABUJA", "U.S.").
func upperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' || r > 127 && strings.ToUpper(string(r)) != string(r) {
			return false
		}
		if r >= 'A' && r <= 'Z' || r > 127 {
			letters++
		}
	}
	return letters >= 2
}

// claim turns a found claim into a schema.Claim: its arguments made
// entities and checked against the predicate's types, its modality read,
// its provenance attached.
func (x *Extractor) claim(d *document, k int, f found, dates []dateExpr) (schema.Claim, bool) {
	s, ms, at := d.sents[k], d.ments[k], d.at[k]
	p := x.lx.predicate(f.pred)
	subj, ok := x.argument(s, ms, at, f.subj, p, true)
	if !ok {
		return schema.Claim{}, false
	}
	var obj schema.Entity
	if f.objEntity != nil {
		obj = *f.objEntity
	} else if obj, ok = x.argument(s, ms, at, f.obj, p, false); !ok {
		return schema.Claim{}, false
	}
	if subj.Name == obj.Name || subj.Name == "" || obj.Name == "" {
		return schema.Claim{}, false
	}
	if subj.Type == schema.Thing && obj.Type == schema.Thing {
		return schema.Claim{}, false // "bombs killed people": kinds of things, no one in particular
	}
	reason := -1
	if reasoned[f.pred] {
		reason = s.forPhrase(f.trigger)
	}
	if f.pred == "attacked" && (obj.Type == schema.Person || obj.Type == schema.Organization && subj.Type == schema.Person) && s.lemma(f.trigger) == "attack" && reason >= 0 {
		f.pred = "criticized" // "attacked Schiff for driving a false narrative": in words
	}
	mod, negated, source, why := schema.Asserted, false, -1, "asserted: said in a noun phrase, whatever its clause says"
	if !f.phrase {
		mod, negated, source, why = s.modality(f.clause)
	}
	c := schema.Claim{
		Doc:         d.doc.ID,
		Subject:     subj.Name,
		SubjectType: subj.Type,
		Predicate:   f.pred,
		Object:      obj.Name,
		ObjectType:  obj.Type,
		Negated:     negated,
		Modality:    mod,
		Sentence:    d.doc.Text[s.start:s.end],
		Start:       s.start,
		End:         s.end,
		Date:        d.doc.Date,
		Qualifiers:  map[string]string{},
		Confidence:  0.8,
		Extractor:   Name,
	}
	if negated {
		c.Modality = schema.Negated
	}
	if f.role != "" {
		c.Qualifiers["role"] = f.role
	}
	if r := reason; r >= 0 {
		from, to := s.subtree(r)
		if c0 := max(s.child(r, "case"), s.child(r, "mark")); c0 == from {
			from++
		}
		if from < to && to-from <= 12 {
			c.Qualifiers["reason"] = s.text(from, to)
		}
	}
	if f.pred == "sold" && f.recipient >= 0 {
		if e, ok := x.argument(s, ms, at, f.recipient, x.lx.predicate("supplied"), false); ok && e.Name != obj.Name {
			c.Qualifiers["recipient"] = e.Name
		}
	}
	if mod == schema.Reported && source >= 0 {
		if e, ok := x.argument(s, ms, at, source, x.lx.predicate("met"), true); ok && e.Name != subj.Name {
			c.Qualifiers["source"] = e.Name
		}
	}
	if f.pred != schema.OfficialOf && f.pred != schema.MadeBy {
		from, to := s.subtree(f.clause)
		if dt, ok := nearestDate(dates, f.trigger, from, to); ok {
			c.Date = dt.value
			if dt.since {
				c.Qualifiers["since"] = dt.value
			}
		}
	}
	if x.explain {
		c.Explain = s.explain(f, why)
	}
	if x.lx.vocab.Symmetric(c.Predicate) && c.Object < c.Subject {
		c.Subject, c.Object = c.Object, c.Subject
		c.SubjectType, c.ObjectType = c.ObjectType, c.SubjectType
	}
	return c, true
}

// explain describes how found f was read off the sentence.
func (s *sentence) explain(f found, modality string) *schema.Explanation {
	e := &schema.Explanation{Modality: modality}
	if f.trigger >= 0 && f.trigger < len(s.words) {
		e.Trigger = fmt.Sprintf("%s (%s)", s.words[f.trigger].Form, s.lemma(f.trigger))
	}
	switch {
	case f.frame.Kind != "":
		e.Frame = frameText(f.frame, s.lemma(f.trigger))
	case f.pred == schema.OfficialOf:
		e.Frame = "office said in a noun phrase"
		if f.role != "" {
			e.Frame += ": " + f.role
		}
	default:
		e.Frame = f.pred + " said in a noun phrase"
	}
	e.Subject = s.arc(f.subj)
	switch {
	case f.objEntity != nil:
		e.Object = f.objEntity.Name + " (named by the phrase or the article)"
	default:
		e.Object = s.arc(f.obj)
		if f.objPrep != "" {
			e.Object += ", marked by " + strconv.Quote(f.objPrep)
		}
	}
	return e
}

// arc names word w with its relation and head: "Union (nsubj of imposed)".
func (s *sentence) arc(w int) string {
	if w < 0 || w >= len(s.words) {
		return ""
	}
	if h := s.head[w]; h >= 0 {
		return fmt.Sprintf("%s (%s of %s)", s.words[w].Form, s.words[w].Rel, s.words[h].Form)
	}
	return fmt.Sprintf("%s (root)", s.words[w].Form)
}

// frameText writes a frame as frames.txt does, with the lemma that
// matched in place of the frame's alternatives.
func frameText(f schema.Frame, matched string) string {
	lemma := strings.Join(f.Lemmas, "|")
	if oneOf(matched, f.Lemmas) {
		lemma = matched
	}
	if f.Particle != "" {
		lemma += "+" + f.Particle
	}
	out := []string{string(f.Kind), lemma}
	for _, o := range []struct {
		name string
		vals []string
	}{{"obj", f.Obj}, {"xcomp", f.Xcomp}, {"under", f.Under}, {"prep", f.Preps}} {
		if len(o.vals) > 0 {
			out = append(out, o.name+"="+strings.Join(o.vals, "|"))
		}
	}
	return strings.Join(out, " ")
}

// converse returns the claim a sale or purchase says of its other party:
// "Rosneft bought Yugansk from the Kremlin" says the Kremlin sold it,
// "the Kremlin sold Yugansk to Rosneft" that Rosneft bought it.
func (x *Extractor) converse(d *document, k int, f found, c schema.Claim) []schema.Claim {
	s, ms, at := d.sents[k], d.ments[k], d.at[k]
	var pred, prep string
	switch c.Predicate {
	case "bought":
		pred, prep = "sold", "from"
	case "sold":
		pred, prep = "bought", "to"
	default:
		return nil
	}
	if f.trigger < 0 || f.phrase || s.upos(f.trigger) != "VERB" {
		return nil
	}
	p := x.lx.predicate(pred)
	for _, w := range s.attached(f.trigger) {
		if !s.hasRel(w, "obl", "nmod") || s.caseOf(w) != prep {
			continue
		}
		e, ok := x.argument(s, ms, at, w, p, true)
		if !ok || e.Name == c.Object || e.Name == c.Subject {
			continue
		}
		o := c
		o.Predicate, o.Subject, o.SubjectType = pred, e.Name, e.Type
		o.Qualifiers = map[string]string{}
		for k, v := range c.Qualifiers {
			if k != "recipient" {
				o.Qualifiers[k] = v
			}
		}
		return []schema.Claim{o}
	}
	return nil
}

// claimKey identifies a claim within a document: the same relation from
// the same sentence, put the same way, is one claim.
func claimKey(c schema.Claim) string {
	return strings.Join([]string{c.Subject, c.Predicate, c.Object, string(c.Modality), strconv.Itoa(c.Start)}, "\x00")
}

// standIns are nouns that, said of a country or organisation, act for it:
// "the Turkish government", "Russian forces", "the government of Sudan".
// locatives follow a place and a hyphen to say where something is or
// comes from: "Ont-based", "Texas-born".
var locatives = setOf("based", "born", "headquartered", "registered", "listed")

// hyphenModifier returns the participle of a "NAME-based", "NAME-branded"
// modifier written from token j (a tight hyphen, or ", Ont-based" after
// a place), or -1.
func hyphenModifier(s *sentence, j int) int {
	k := j
	if k+1 < len(s.toks) && s.toks[k].Text == "," {
		// "Markham, Ont-based", "Dedham, Mass.,-based": the region of the place.
		for n := k + 1; n < len(s.toks) && n <= k+4; n++ {
			if tight(s, n) || s.toks[n].Text == "-" && n+1 < len(s.toks) && locatives[s.lower[n+1]] {
				k = n
				break
			}
			if !(startsUpper(s.toks[n].Text) || s.toks[n].Text == "." || s.toks[n].Text == ",") {
				return -1
			}
		}
	}
	if k+1 >= len(s.toks) || !(tight(s, k) || k > j && s.toks[k].Text == "-") {
		return -1
	}
	if w := s.lower[k+1]; locatives[w] || brandVerbs[w] {
		return k + 1
	}
	return -1
}

// brandVerbs follow a maker's or owner's name in a modifier: whose the
// thing after it is, not what the name does ("SeaMicro-branded").
var brandVerbs = setOf("branded", "designed", "licensed", "style", "type", "class", "sized")

// reasoned are the predicates whose "for" phrase gives the reason.
var reasoned = setOf("sanctioned", "criticized", "praised", "sued", "detained", "warned", "attacked")

// forPhrase returns the "for" phrase of trigger w, or of the verb whose
// object it is ("imposed sanctions on Ankara for the S-400s"), or -1.
func (s *sentence) forPhrase(w int) int {
	for _, owner := range []int{w, s.head[w]} {
		if owner < 0 || owner != w && !s.hasRel(w, "obj") {
			continue
		}
		kids := s.kids[owner]
		if s.verbal(owner) {
			kids = s.attached(owner)
			for _, o := range s.children(owner, "obl") {
				kids = append(kids, s.children(o, "nmod")...) // "on Ankara ... for the S-400s"
			}
		}
		for _, k := range kids {
			if s.hasRel(k, "obl", "nmod") && s.caseOf(k) == "for" && s.nominal(k) {
				return k
			}
			if s.hasRel(k, "advcl") && s.child(k, "mark") >= 0 && s.lower[s.child(k, "mark")] == "for" {
				return k // "for driving a false narrative"
			}
		}
	}
	return -1
}

// outsiders are the roles whose "of" phrase names what they deal with, not
// whom they act for: "the majority owner of Yukos sued" is not Yukos.
var outsiders = setOf("owner", "shareholder", "investor", "creditor", "customer", "client", "rival",
	"critic", "buyer", "seller", "bidder", "opponent", "victim", "lawyer", "attorney", "analyst")

var standIns = setOf("government", "authority", "authorities", "official", "officials", "force",
	"forces", "troops", "military", "army", "leader", "leaders", "leadership", "side", "regime",
	"delegation", "administration", "ministry", "police", "diplomat", "diplomats", "embassy",
	"parliament", "people", "navy", "state", "lawmaker", "lawmakers", "legislator", "legislators",
	"negotiator", "negotiators", "envoy", "envoys", "team", "cabinet", "junta", "soldier", "soldiers",
	"management", "board", "executives", "spokesman", "spokeswoman", "spokesperson")

// standsFor are nouns whose possessor is who the claim is about: "criticised
// Turkey's decision" criticised Turkey.
var standsFor = setOf("lenders", "banks", "firms", "companies", "oligarchs", "exports", "imports",
	"entities", "businesses", "industry", "economy", "sector", "policy", "policies", "decision", "offer", "proposal", "plan", "plans",
	"remark", "remarks", "comment", "comments", "statement", "statements", "action", "actions",
	"aggression", "behaviour", "behavior", "move", "program", "programme", "stance", "position",
	"approach", "handling", "conduct", "claim", "claims", "demand", "demands", "bid", "request",
	"strategy", "rhetoric", "record", "response", "role", "support", "leadership", "treatment",
	"invasion", "occupation", "attack", "attacks", "war", "tactics", "threats", "threat", "campaign",
	"candidacy", "presidency")

// shareWords are the nouns of a holding in something.
var shareWords = setOf("%", "pct", "percent", "per_cent", "stake", "share", "interest", "holding",
	"majority", "control", "half", "third", "quarter", "portion")

// commaOrDash reports whether a comma, colon or dash stands between words
// w and k, as it does before an apposition.
func commaOrDash(s *sentence, w, k int) bool {
	for t := w + 1; t < k; t++ {
		switch s.toks[t].Text {
		case ",", ":", "-", "\u2013", "\u2014", "(":
			return true
		}
	}
	return false
}

// argument returns the entity word w names or stands for in a slot of
// predicate p.
func (x *Extractor) argument(s *sentence, ms []*mention, at []int, w int, p schema.Predicate, subject bool) (schema.Entity, bool) {
	if w < 0 || w >= len(s.words) {
		return schema.Entity{}, false
	}
	accepts := func(e schema.Entity) bool { return e.Name != "" && p.Accepts(e.Type, subject) }
	if !subject && at[w] < 0 && shareWords[s.lemma(w)] {
		// "owns 28.1% of the club", "bought 20 pct of Hk Hotels", "a 10
		// pct stake in Hk Hotels": the holding is in what its phrase names.
		for _, k := range s.kids[w] {
			if s.hasRel(k, "nmod") && (s.caseOf(k) == "of" || s.caseOf(k) == "in") {
				return x.argument(s, ms, at, k, p, subject)
			}
		}
	}
	if i := at[w]; i >= 0 {
		if h := hyphenModifier(s, ms[i].end); h >= 0 {
			// "Markham, Ont-based ATI", "SeaMicro-branded servers": the
			// name says where or whose the thing after it is; the thing is
			// the argument.
			for k := h + 1; k < len(s.toks) && k < h+4; k++ {
				if j := at[k]; j >= 0 && ms[j].entity.Name != "" && accepts(ms[j].entity) && (!ms[j].generic || !locatives[s.lower[h]]) {
					if ms[j].generic {
						return schema.Entity{}, false
					}
					return ms[j].entity, true
				}
			}
			return schema.Entity{}, false
		}
	}
	// A body named before a title and a name is the name's: "to World
	// Bank President Barber Conable", however the parser hung it.
	if i := at[w]; i >= 0 && ms[i].entity.Type != schema.Person && !ms[i].generic && ms[i].end < len(s.toks) {
		if t := x.lx.titleAt(s, ms[i].end); t > 0 {
			if j := at[min(ms[i].end+t, len(s.toks)-1)]; j >= 0 && ms[j].start == ms[i].end+t && ms[j].entity.Type == schema.Person && accepts(ms[j].entity) {
				return ms[j].entity, true
			}
		}
	}
	// A word for a kind of person with a name in apposition after it is
	// that person: "Another top Republican, Sen. Lindsey Graham, ...".
	if i := at[w]; i < 0 || ms[i].adjective() || ms[i].generic {
		for _, k := range s.children(w, "appos") {
			if j := at[k]; k > w && j >= 0 && ms[j].entity.Type == schema.Person && ms[j].refer == "" && accepts(ms[j].entity) {
				return ms[j].entity, true
			}
			// "negotiating with its customers, Panhandle Eastern and
			// Distrigas", "the airline, SpiceJet": a common noun with a
			// name in apposition is that name.
			if j := at[k]; k > w && i < 0 && s.upos(w) != "PROPN" && j >= 0 && !ms[j].generic && ms[j].refer == "" && !ms[j].adjective() && accepts(ms[j].entity) && commaOrDash(s, w, k) {
				return ms[j].entity, true
			}
		}
	}
	// A description in apposition to a name is that name: "Group Menatep,
	// the Gibraltar-based holding company which controls 51% of Yukos".
	if i := at[w]; (i < 0 || ms[i].generic || ms[i].refer != "") && s.upos(w) == "NOUN" && s.hasRel(w, "appos") {
		if h := s.head[w]; h >= 0 && h < w {
			if j := at[h]; j >= 0 && !ms[j].generic && ms[j].refer == "" && ms[j].entity.Name != "" && accepts(ms[j].entity) {
				return ms[j].entity, true
			}
		}
	}
	if i := at[w]; i >= 0 && ms[i].adjective() && ms[i].end < len(s.toks) {
		// "the purchase of Russian S-400 systems": the parser may hang the
		// phrase from the adjective; the name after it is what is meant.
		if j := at[ms[i].end]; j >= 0 && !ms[j].adjective() && !ms[j].generic && accepts(ms[j].entity) && !accepts(ms[i].entity) {
			return ms[j].entity, true
		}
	}
	// A common noun named by a name before it or in apposition, before
	// the kind of thing it is: "S-400 air defense systems", "the Bosphorus
	// straits", "the Syrian branch of the PKK, the YPG", "the cruise ship,
	// Freewinds".
	if i := at[w]; (i < 0 || ms[i].generic) && s.upos(w) == "NOUN" {
		kids := s.kids[w]
		wa := s.writtenAppos(w)
		if wa >= 0 {
			kids = append(append([]int(nil), kids...), wa)
		}
		for _, k := range kids {
			if !(s.hasRel(k, "compound") && k < w || s.hasRel(k, "appos") || k == wa) {
				continue
			}
			if j := at[k]; j >= 0 && !ms[j].generic && !ms[j].adjective() && ms[j].entity.Name != "" && accepts(ms[j].entity) {
				return ms[j].entity, true
			}
		}
	}
	if i := at[w]; i >= 0 {
		m := ms[i]
		switch {
		case m.adjective() && !s.nominal(w):
			// An adjective is an argument only as the modifier a noun frame reads.
			if s.hasRel(w, "amod") && accepts(m.entity) {
				return m.entity, true
			}
		case !m.generic && accepts(m.entity):
			return m.entity, true
		case !m.known && !m.generic && m.refer == "" && m.entity.Type == schema.Organization && m.end-m.start == 1 &&
			!isAcronym(s.toks[m.start].Text) && p.Accepts(schema.Place, subject):
			// "a visit to Dagestan": a one-word name the gazetteer does
			// not know, where the predicate takes a place, is one.
			return schema.Entity{Name: m.entity.Name, Type: schema.Place}, true
		case m.generic && accepts(m.entity) && !standIns[s.lower[w]]:
			return m.entity, true
		}
	}
	// A role noun names the person named with it: "U.S. Secretary of
	// State Antony Blinken" is Blinken.
	if x.lx.roleWord(s, w) {
		for _, k := range s.kids[w] {
			if s.hasRel(k, "flat", "compound", "appos") && k > w {
				if i := at[k]; i >= 0 && ms[i].entity.Type == schema.Person && accepts(ms[i].entity) {
					return ms[i].entity, true
				}
			}
		}
		// Read as written when the parser broke the title up: "British
		// Chancellor of the Exchequer Nigel Lawson".
		for k := w + 1; k < len(s.toks) && k <= w+5; k++ {
			if i := at[k]; i >= 0 && ms[i].start == k && ms[i].entity.Type == schema.Person {
				if accepts(ms[i].entity) {
					return ms[i].entity, true
				}
				break
			}
			if !(s.lower[k] == "of" || s.lower[k] == "the" || startsUpper(s.toks[k].Text) && s.upos(k) == "PROPN") {
				break
			}
		}
	}
	// A noun that acts for its country or organisation, or stands for its
	// possessor.
	if s.nominal(w) && !outsiders[s.lemma(w)] && (standIns[s.lower[w]] || standIns[s.lemma(w)] || x.lx.roleWord(s, w) || standsFor[s.lower[w]]) {
		for _, k := range s.kids[w] {
			if !s.hasRel(k, "amod", "compound", "nmod:poss", "nmod") {
				continue
			}
			if s.hasRel(k, "nmod") && !s.hasRel(k, "nmod:poss") && s.caseOf(k) != "of" {
				continue
			}
			if i := at[k]; i >= 0 && !ms[i].generic && ms[i].entity.Name != "" && ms[i].entity.Type != schema.Person && accepts(ms[i].entity) {
				return ms[i].entity, true
			}
			if i := at[k]; i >= 0 && ms[i].entity.Type == schema.Person && standsFor[s.lower[w]] && accepts(ms[i].entity) {
				return ms[i].entity, true
			}
		}
	}
	if i := at[w]; i >= 0 && ms[i].generic && accepts(ms[i].entity) {
		return ms[i].entity, true
	}
	return schema.Entity{}, false
}
