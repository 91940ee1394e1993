package claims

import (
	"github.com/claimgraph/claimgraph/schema"
	"strings"
)

// found is a claim read off a sentence's tree, before its arguments are
// made entities: the words that head its subject and object, the trigger
// and the word whose clause sets its modality.
type found struct {
	pred      string
	subj, obj int // word indexes
	trigger   int
	clause    int // the word whose clause decides the modality
	frame     schema.Frame
	objPrep   string // the preposition that marked the object, if one did
	recipient int    // for sales: the "to" phrase, or -1
	// objEntity, when set, is the object itself, named by no word of the
	// sentence ("President Duque" of an article about Colombia).
	objEntity *schema.Entity
	role      string // the office of an official_of claim
	// phrase marks a claim a noun phrase makes ("Kenyan President
	// William Ruto"): true whatever the clause around it says.
	phrase bool
}

// relatives are the pronouns that open a relative clause.
var relatives = setOf("who", "whom", "which", "that", "whose")

// framesOf finds the claims the triggers of a sentence make.
func (lx *lexicon) framesOf(s *sentence) []found {
	var out []found
	for w := range s.words {
		for _, f := range lx.frames[s.lemma(w)] {
			switch f.Kind {
			case schema.VerbFrame:
				if s.verbal(w) || s.upos(w) == "ADJ" && s.xpos(w) == "VBN" || s.nounAsVerb(w) {
					out = s.verbFrame(out, f, w)
				}
			case schema.PairFrame:
				if s.verbal(w) {
					out = s.pairFrame(out, f, w)
				}
			case schema.NounFrame:
				if s.upos(w) == "NOUN" || s.upos(w) == "PROPN" {
					out = s.nounFrame(out, f, w)
				}
			case schema.BetweenFrame:
				if s.upos(w) == "NOUN" {
					out = s.betweenFrame(out, f, w)
				}
			case schema.RelationalFrame:
				if s.upos(w) == "NOUN" {
					out = s.relationalFrame(out, f, w)
				}
			}
		}
	}
	return s.specific(out)
}

// soured are the words that say ties are bad, not that there are any:
// "strained ties", "frosty relations".
var soured = setOf("strained", "tense", "frosty", "troubled", "poor", "bad", "deteriorating",
	"worsening", "broken", "severed", "soured", "souring", "cold", "hostile", "rocky", "uneasy")

// specific drops what a more specific frame of the same trigger says
// otherwise ("trading partner" is trade, not a partner in general), and
// the ties a sentence calls bad.
func (s *sentence) specific(fs []found) []found {
	narrow := map[int]bool{}
	for _, f := range fs {
		if f.frame.Kind == schema.RelationalFrame && len(f.frame.Obj) > 0 {
			narrow[f.trigger] = true
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if f.frame.Kind == schema.RelationalFrame && len(f.frame.Obj) == 0 && narrow[f.trigger] {
			continue
		}
		if s.souredTies(f) || f.pred == "fought" && s.figurative(f.trigger) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// figurativeFights are the words that make a battle one of votes, courts
// or prices: "the general election battle between Clinton and Trump".
var figurativeFights = setOf("election", "electoral", "political", "legal", "court", "courtroom",
	"price", "takeover", "bidding", "bid", "verbal", "leadership", "primary", "nomination",
	"custody", "ratings", "campaign", "boardroom", "trade", "tariff", "culture", "propaganda", "pr")

// figurative reports whether the battle or war trigger w names is not an
// armed one.
func (s *sentence) figurative(w int) bool {
	for _, k := range s.kids[w] {
		if s.hasRel(k, "compound", "amod") && figurativeFights[s.lower[k]] {
			return true
		}
	}
	return false
}

// souredTies reports whether the noun a frame is read from, its trigger or
// the object it requires, is qualified as bad.
func (s *sentence) souredTies(f found) bool {
	words := []int{f.trigger}
	if len(f.frame.Obj) > 0 {
		for _, o := range s.directObjects(f.trigger) {
			if oneOf(s.lemma(o), f.frame.Obj) {
				words = append(words, o)
			}
		}
	}
	for _, w := range words {
		for _, k := range s.kids[w] {
			if s.hasRel(k, "amod") && soured[s.lower[k]] {
				return true
			}
		}
	}
	return false
}

// requires checks the particle, object and complement a frame needs of
// trigger w, and returns the object word when the frame names one (else
// -1), and whether w fits.
func (s *sentence) requires(f schema.Frame, w int) (int, bool) {
	if f.Particle != "" {
		p := s.child(w, "compound:prt")
		if p < 0 || s.lower[p] != f.Particle {
			return -1, false
		}
	}
	if len(f.Xcomp) > 0 {
		found := false // "called Russia's aggression unacceptable": the complement, not the object
		for _, x := range s.children(w, "xcomp", "obj", "obl") {
			found = found || oneOf(s.lemma(x), f.Xcomp)
		}
		if !found {
			return -1, false
		}
	}
	if len(f.Under) > 0 && (!s.hasRel(w, "xcomp", "ccomp", "acl", "obj", "nsubj:pass") || s.head[w] < 0 || !oneOf(s.lemma(s.head[w]), f.Under)) {
		return -1, false
	}
	if len(f.Obj) == 0 {
		return -1, true
	}
	for _, o := range s.directObjects(w) {
		if oneOf(s.lemma(o), f.Obj) {
			return o, true
		}
	}
	// "became a member of": the parser calls a copular verb's noun a
	// complement.
	for _, o := range s.children(w, "xcomp") {
		if s.upos(o) == "NOUN" && oneOf(s.lemma(o), f.Obj) {
			return o, true
		}
	}
	return -1, false
}

func oneOf(w string, list []string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// directObjects returns what verb w acts on: its object, or its subject in
// the passive, or the noun a participle or relative clause describes.
func (s *sentence) directObjects(w int) []int {
	if s.passive(w) {
		if k := s.children(w, "nsubj:pass"); len(k) > 0 {
			return s.expand(k)
		}
		if s.hasRel(w, "acl", "amod") {
			return []int{s.head[w]}
		}
		if s.hasRel(w, "acl:relcl") {
			return []int{s.antecedent(w)}
		}
		return nil
	}
	objs := s.children(w, "obj")
	if len(objs) == 0 {
		// "urged Moscow to halt": parsers often call a lone object before
		// a complement an indirect one.
		objs = s.children(w, "iobj")
	}
	if len(objs) == 0 && biddings[s.lemma(w)] {
		// "demanded Schiff step down": who is to act is the subject of
		// the clause demanded.
		for _, c := range s.children(w, "ccomp", "xcomp") {
			if k := s.children(c, "nsubj"); len(k) > 0 && k[0] > w && s.upos(k[0]) != "PRON" {
				objs = k[:1]
			}
		}
	}
	for _, o := range objs {
		if s.upos(o) == "PRON" && relatives[s.lower[o]] && s.hasRel(w, "acl:relcl") {
			return []int{s.antecedent(w)} // "the company which Acme bought"
		}
	}
	if len(objs) == 0 && s.hasRel(w, "acl:relcl") && s.child(w, "nsubj") >= 0 && !relativeSubject(s, w) {
		return []int{s.antecedent(w)} // "the sanctions Washington imposed"
	}
	if len(objs) > 0 {
		// "sold Tehran fighter jets": the second object of a double
		// object the parser may call an oblique.
		for _, k := range s.children(w, "obl") {
			if s.upos(k) == "NOUN" && s.child(k, "case") < 0 && k > objs[0] {
				objs = append(objs, k)
			}
		}
	}
	return s.expand(objs)
}

// antecedent returns the noun relative clause w describes: its head, or
// the apposition of its head written right before ", who": the parser
// hangs "the SEC, Redstone, who controls ..." on the first noun.
func (s *sentence) antecedent(w int) int {
	h := s.head[w]
	k := -1
	for _, c := range s.kids[w] {
		if c < w && relatives[s.lower[c]] {
			k = c
			break
		}
	}
	if k < 2 || s.toks[k-1].Text != "," {
		return h
	}
	t := k - 2
	for s.hasRel(t, "flat") && s.head[t] >= 0 && s.head[t] < t {
		t = s.head[t]
	}
	if t > h && s.head[t] == h && s.hasRel(t, "appos", "conj") && s.nominal(t) {
		return t
	}
	// "the Yida camp in Unity State, which borders Sudan": "which" takes
	// the name written right before it, a place or thing the parser hung
	// inside the head's phrase.
	if s.lower[k] == "which" && t > h && s.upos(t) == "PROPN" && s.hasRel(t, "nmod") {
		for a := s.head[t]; a >= 0 && a >= h; a = s.head[a] {
			if a == h {
				return t
			}
		}
	}
	return h
}

// relativeWord reports whether relative clause w opens with a relative
// pronoun the parser did not make its subject or object.
func relativeWord(s *sentence, w int) bool {
	for _, k := range s.kids[w] {
		if k < w && relatives[s.lower[k]] && !s.hasRel(k, "nsubj", "obj", "nsubj:pass") {
			return true
		}
	}
	return false
}

// relativeSubject reports whether the relative clause w has a relative
// pronoun for its subject ("the firm that bought").
func relativeSubject(s *sentence, w int) bool {
	k := s.child(w, "nsubj", "nsubj:pass")
	return k >= 0 && s.upos(k) == "PRON" && relatives[s.lower[k]]
}

// introducedSubject returns the name written right before a main verb
// that has no subject, after an opening clause and its comma, when the
// parser hung it in that clause ("While discussing the Caucasus,
// Çavuşoğlu invited Blinken"), or -1.
func (s *sentence) introducedSubject(w int) int {
	if s.head[w] >= 0 || !s.verbal(w) {
		return -1
	}
	k := w - 1
	for k > 0 && (s.upos(k) == "ADV" || s.upos(k) == "AUX") {
		k--
	}
	for k > 0 && s.hasRel(k, "flat") && s.head[k] < k {
		k = s.head[k]
	}
	if k < 2 || s.upos(k) != "PROPN" || !s.hasRel(k, "conj", "appos", "nmod") || s.toks[k-1].Text != "," || s.head[k] >= k {
		return -1
	}
	return k
}

// expand returns the words and their conjuncts, with the names written
// after an "and" that the parser ran into the first name ("invited
// Russian President Vladimir Putin and Ukrainian President Volodymyr
// Zelensky" hung as one name).
func (s *sentence) expand(ws []int) []int {
	var out []int
	for _, w := range ws {
		out = append(out, s.conjuncts(w)...)
		for _, k := range s.kids[w] {
			if k > w+1 && s.hasRel(k, "flat", "appos") && s.upos(k) == "PROPN" && s.lower[k-1] != "and" && s.andBetween(w, k) {
				out = append(out, k)
				break
			}
			// "two Indian airlines - Air Deccan and Kingfisher": the names
			// listed in the apposition of a noun.
			if k > w && s.hasRel(k, "appos") && s.upos(k) == "PROPN" && s.upos(w) == "NOUN" {
				for _, c := range s.conjuncts(k)[1:] {
					if s.upos(c) == "PROPN" {
						out = append(out, c)
					}
				}
			}
		}
	}
	return out
}

// andBetween reports whether an "and" stands between words w and k with
// only capitalised words after it.
func (s *sentence) andBetween(w, k int) bool {
	for t := k - 1; t > w; t-- {
		if s.lower[t] == "and" {
			return true
		}
		if !startsUpper(s.toks[t].Text) {
			return false
		}
	}
	return false
}

// subjects returns who does what verb w says: its subject, or its agent in
// the passive, or the subject it shares with the verb it is coordinated
// with or complements.
func (s *sentence) subjects(w int) []int {
	shared := false // w is a verb whose subject a coordinated verb shares
	for steps := 0; w >= 0 && steps < 8; steps++ {
		if shared && s.passive(w) {
			// "Mali, ruled by soldiers, warned ECOWAS": coordinated verbs
			// share the surface subject, not the passive's agent.
			if k := s.children(w, "nsubj:pass"); len(k) > 0 {
				return s.expand(k[:1])
			}
			return nil
		}
		if s.passive(w) {
			for _, k := range s.kids[w] {
				if s.hasRel(k, "obl:agent") || s.hasRel(k, "obl") && s.caseOf(k) == "by" {
					return s.expand([]int{k})
				}
			}
			if s.hasRel(w, "acl", "amod") {
				// "Iran-backed Houthis", "state-owned": the name before the participle.
				for _, k := range s.kids[w] {
					if s.hasRel(k, "compound", "obl:npmod", "nmod:npmod", "obl:unmarked", "nmod:unmarked") && s.nominal(k) {
						return []int{k}
					}
				}
			}
			return nil
		}
		if s.nounAsVerb(w) && s.child(w, "nsubj") < 0 {
			if k := s.child(w, "compound"); k >= 0 && k < w {
				return s.expand([]int{k}) // "Armenia borders Azerbaijan", read as one noun phrase
			}
		}
		if k := s.children(w, "nsubj"); len(k) > 0 {
			k = k[:1] // a clause has one subject; a second is the parser's slip
			if c := s.child(k[0], "case"); c >= 0 && c < k[0] && oneOf(s.lower[c], []string{"in", "at", "on", "near", "inside", "outside", "into"}) {
				// "he would be in Switzerland negotiating": a phrase of
				// place is no subject; its own subject is. ("after Russian
				// forces invaded" is the parser hanging a conjunction.)
				if ks := s.children(k[0], "nsubj"); len(ks) > 0 {
					return s.expand(ks[:1])
				}
				return nil
			}
			if s.upos(k[0]) == "PRON" && relatives[s.lower[k[0]]] && s.hasRel(w, "acl:relcl") {
				return []int{s.antecedent(w)} // "the firm that bought"
			}
			return s.expand(k)
		}
		h := s.head[w]
		if k := s.introducedSubject(w); k >= 0 {
			return s.expand([]int{k})
		}
		if h < 0 {
			return nil
		}
		switch {
		case s.hasRel(w, "acl") && s.infinitive(w) && intentNouns[s.lemma(h)] && s.hasRel(h, "obj") && s.head[h] >= 0 && s.verbal(s.head[h]):
			// "HP signed an agreement to acquire EYP", "announced plans to
			// buy": who holds the plan does what it is to do.
			w = s.head[h]
			continue
		case s.hasRel(w, "acl") && !s.hasRel(w, "acl:relcl") && s.nominal(h) && !locative(s, h):
			return []int{h} // "troops guarding the border", not "in Switzerland negotiating"
		case s.hasRel(w, "acl:relcl") && s.nominal(h) && s.child(w, "obj") >= 0 && relativeWord(s, w):
			return []int{s.antecedent(w)} // "Belarus, which borders Ukraine", its pronoun misplaced
		case s.hasRel(w, "xcomp"):
			o := s.children(h, "obj")
			if len(o) == 0 {
				o = s.children(h, "iobj")
			}
			if len(o) > 0 && !oneOf(s.lemma(h), subjectControl) {
				return s.expand(o) // "urged Iran to stop": Iran would stop
			}
		case s.hasRel(w, "conj", "advcl", "ccomp", "parataxis"):
			if !s.verbal(h) && s.child(h, "cop") < 0 {
				return nil
			}
			shared = true
		default:
			return nil
		}
		w = h
	}
	return nil
}

// intentNouns name a plan, deal or attempt whose holder does what its
// infinitive says ("signed an agreement to acquire"), unlike "troops to
// fight", who do it themselves.
var intentNouns = setOf("agreement", "deal", "plan", "offer", "bid", "proposal", "decision", "move",
	"attempt", "effort", "intention", "promise", "pledge", "commitment", "option", "approval",
	"permission", "right", "contract", "accord", "step", "talks", "negotiation", "negotiations", "pact")

// infinitive reports whether verb w is a "to" infinitive.
func (s *sentence) infinitive(w int) bool {
	for _, k := range s.kids[w] {
		if k < w && s.hasRel(k, "mark") && s.lower[k] == "to" {
			return true
		}
	}
	return false
}

// nounAsVerb reports whether a word tagged a noun is used as a verb, as
// the tagger has it in headline-short sentences ("Niger borders
// Nigeria"): it has a direct object.
func (s *sentence) nounAsVerb(w int) bool {
	return s.upos(w) == "NOUN" && strings.HasSuffix(s.lower[w], "s") && s.child(w, "obj") >= 0
}

// subjectControl verbs share their subject with their complement even when
// they have an object ("promised Iran to withdraw").
var subjectControl = []string{"promise", "pledge", "vow", "threaten", "offer"}

// objects returns what verb w acts on for frame f: with prepositions, the
// phrases they mark on the verb or on its required object; else its direct
// objects.
func (s *sentence) objects(f schema.Frame, w, objNoun int) ([]int, string) {
	if len(f.Preps) == 0 {
		if objNoun >= 0 {
			return s.directObjects(w), ""
		}
		objs := s.directObjects(w)
		if len(objs) == 0 {
			// "threatened to impose tariffs on Y": the object of the complement.
			if x := s.child(w, "xcomp"); x >= 0 {
				for _, k := range s.kids[x] {
					if s.hasRel(k, "obl", "nmod") && (s.caseOf(k) == "on" || s.caseOf(k) == "against") {
						return s.expand([]int{k}), s.caseOf(k)
					}
				}
				return s.directObjects(x), ""
			}
		}
		return objs, ""
	}
	// The required object's own phrase first: "fired rockets at Israel on
	// Tuesday".
	var fromObj []int
	if objNoun >= 0 {
		fromObj = s.kids[objNoun]
	}
	for _, kids := range [][]int{fromObj, s.kids[w], s.attached(w)} {
		for _, k := range kids {
			if !s.hasRel(k, "obl", "nmod", "obj", "iobj") || s.hasRel(k, "nmod:poss") || notNames[s.lower[k]] {
				continue
			}
			if c := s.caseOf(k); c != "" && oneOf(c, f.Preps) {
				return s.expand([]int{k}), c
			}
		}
	}
	return nil, ""
}

func (s *sentence) verbFrame(out []found, f schema.Frame, w int) []found {
	objNoun, ok := s.requires(f, w)
	if !ok {
		return out
	}
	clause := w
	if len(f.Under) > 0 {
		clause = s.head[w]
	}
	subjs := s.subjects(w)
	objs, prep := s.objects(f, w, objNoun)
	if len(f.Obj) > 0 && len(f.Preps) == 0 {
		objs, prep = s.directObjects(w), ""
		if objNoun >= 0 {
			objs = removeWord(objs, objNoun)
		}
	}
	recipient := -1
	for _, k := range s.attached(w) {
		if s.hasRel(k, "iobj") || s.hasRel(k, "obl", "nmod") && s.caseOf(k) == "to" {
			recipient = k
		}
	}
	for _, a := range subjs {
		for _, b := range objs {
			out = append(out, found{pred: f.Predicate, subj: a, obj: b, trigger: w, clause: clause, frame: f, objPrep: prep, recipient: recipient})
		}
	}
	return out
}

// attached returns the dependents of verb w and, since parsers often hang
// a verb's prepositional phrase on its object ("sold drones to Kyiv") or
// on another phrase of the verb, the nominal dependents of its direct
// objects and obliques.
func (s *sentence) attached(w int) []int {
	out := append([]int(nil), s.kids[w]...)
	for _, o := range s.children(w, "obj") {
		for _, k := range s.kids[o] {
			if s.hasRel(k, "nmod") && !s.hasRel(k, "nmod:poss") {
				out = append(out, k)
			}
		}
	}
	// And on its obliques: "spoke on the telephone to Bush", "talked at a
	// dinner with Sanders".
	for _, o := range s.children(w, "obl") {
		for _, k := range s.kids[o] {
			if s.hasRel(k, "nmod") && !s.hasRel(k, "nmod:poss") && s.caseOf(k) != "of" {
				out = append(out, k)
			}
		}
	}
	return out
}

func removeWord(ws []int, w int) []int {
	var out []int
	for _, x := range ws {
		if x != w {
			out = append(out, x)
		}
	}
	return out
}

// pairFrame reads "X and Y met": coordinated subjects and no object.
func (s *sentence) pairFrame(out []found, f schema.Frame, w int) []found {
	if _, ok := s.requires(f, w); !ok || len(f.Obj) == 0 && len(s.children(w, "obj")) > 0 && !topicVerbs[s.lemma(w)] {
		return out // "Chile and Peru met Bolivia" is the verb frame's; "X and Y discussed trade" is theirs
	}
	subjs := s.subjects(w)
	for i := 0; i < len(subjs); i++ {
		for j := i + 1; j < len(subjs); j++ {
			out = append(out, found{pred: f.Predicate, subj: subjs[i], obj: subjs[j], trigger: w, clause: w, frame: f, recipient: -1})
		}
	}
	return out
}

// biddings are the verbs whose object may be the subject of the clause
// they bid: "demanded Schiff step down", "urged that Iran stop".
var biddings = setOf("demand", "urge", "ask", "press")

// topicVerbs are pair verbs whose object is what was talked about.
var topicVerbs = setOf("discuss", "negotiate", "debate")

// nounFrame reads "Turkey's purchase of S-400", "US sanctions on Iran",
// "the invasion of Ukraine by Russia", "imposed sanctions on Iran" (the
// subject of the verb the noun is the object of).
func (s *sentence) nounFrame(out []found, f schema.Frame, w int) []found {
	if s.lemma(w) == "bid" && takeoverBid(s, w) {
		return out // "revised takeover bids", "sweeten his bid for the company": to buy, not to join
	}
	var objs []int
	prep := ""
	for _, k := range s.kids[w] {
		if s.hasRel(k, "nmod", "obl", "acl") && !s.hasRel(k, "nmod:poss") {
			if c := s.caseOf(k); c != "" && oneOf(c, f.Preps) {
				objs, prep = s.expand([]int{k}), c
				break
			}
		}
	}
	if len(objs) == 0 && w+2 < len(s.words) && oneOf(s.lower[w+1], f.Preps) && s.hasRel(w+1, "case") && s.head[w+1] > w && (s.upos(s.head[w+1]) == "PROPN" || s.upos(s.head[w+1]) == "NOUN") {
		// "Russia's invasion of Ukraine changed": the phrase right after
		// the noun is its own, wherever the parser hung it.
		objs, prep = s.expand([]int{s.head[w+1]}), s.lower[w+1]
	}
	if len(objs) == 0 {
		return s.receivedNoun(out, f, w)
	}
	subjs, clause := s.nounSubjects(w)
	if prep == "of" && clause == s.head[w] && clause >= 0 && receives[s.lemma(clause)] && s.hasRel(w, "obj") {
		// "she retained the support of the White House": the "of" phrase
		// gives, the verb's subject receives.
		subjs, objs = objs, subjs
	} else if prep == "of" && clause == w && len(subjs) == 0 || prep == "of" && clause != w && !s.hasRel(w, "obj") {
		// "the support of Mr Magnier was crucial": who gives it, to whom,
		// the phrase does not say.
		return out
	}
	if clause == s.head[w] && clause >= 0 && promises[s.lemma(clause)] && s.hasRel(w, "obj") {
		clause = w // "pledged aid to Ukraine": the aid is promised, read from the noun
	}
	for _, a := range subjs {
		for _, b := range objs {
			if a != b {
				out = append(out, found{pred: f.Predicate, subj: a, obj: b, trigger: w, clause: clause, frame: f, objPrep: prep, recipient: -1})
			}
		}
	}
	return out
}

// takeoverBid reports whether bid w is an offer to buy.
func takeoverBid(s *sentence, w int) bool {
	for _, k := range s.kids[w] {
		if s.hasRel(k, "compound", "amod") && oneOf(s.lemma(k), []string{"takeover", "buyout", "cash", "hostile", "rival", "revised", "sweetened", "share", "stock", "merger", "acquisition"}) {
			return true
		}
	}
	h := s.head[w]
	return h >= 0 && oneOf(s.lemma(h), []string{"sweeten", "raise", "increase", "revise", "top", "match", "outbid", "withdraw"})
}

// receivedNoun reads a nominalisation its verb's subject receives from a
// "from" or "by" phrase: "Netanyahu accepted an invitation from Speaker
// Boehner", "Kyiv received a call from Biden".
func (s *sentence) receivedNoun(out []found, f schema.Frame, w int) []found {
	h := s.head[w]
	if h < 0 || !s.hasRel(w, "obj") || !s.verbal(h) || !receives[s.lemma(h)] && !oneOf(s.lemma(h), []string{"accept", "decline", "welcome"}) {
		return out
	}
	for _, k := range s.kids[w] {
		if s.hasRel(k, "nmod", "obl") && (s.caseOf(k) == "from" || s.caseOf(k) == "by") {
			for _, a := range s.expand([]int{k}) {
				for _, b := range s.subjects(h) {
					out = append(out, found{pred: f.Predicate, subj: a, obj: b, trigger: w, clause: h, frame: f, recipient: -1})
				}
			}
		}
	}
	return out
}

// receives are the verbs whose subject gets what their object's "of"
// phrase gives ("won the backing of", "has the support of").
var receives = setOf("retain", "receive", "win", "get", "gain", "enjoy", "have", "lose", "seek",
	"need", "secure", "earn", "keep", "court", "want", "obtain", "attract")

// nounSubjects returns who does what noun w names: its possessor, a name
// or adjective before it, a "by" or "from" phrase, or else the subject of
// the verb it is the object of, and the word whose clause sets the
// modality.
func (s *sentence) nounSubjects(w int) ([]int, int) {
	for _, k := range s.kids[w] {
		if s.hasRel(k, "nmod:poss") {
			return s.expand([]int{k}), w
		}
	}
	if k := s.children(w, "nsubj"); len(k) > 0 && s.child(w, "cop") >= 0 {
		return s.expand(k), w // "Fidan is on a visit to Washington"
	}
	for _, k := range s.kids[w] {
		if s.hasRel(k, "nmod", "obl") && (s.caseOf(k) == "by" || s.caseOf(k) == "from") {
			return s.expand([]int{k}), w
		}
	}
	var mods []int
	for _, k := range s.kids[w] {
		if k < w && (s.hasRel(k, "compound") && (s.upos(k) == "PROPN" || startsUpper(s.toks[k].Text)) || s.hasRel(k, "amod") && startsUpper(s.toks[k].Text)) {
			mods = append(mods, k)
		}
	}
	if len(mods) > 0 {
		return mods, w
	}
	if h := s.head[w]; h >= 0 && s.hasRel(w, "obj") && s.verbal(h) && !(reports[s.lemma(h)] && s.lemma(h) != "announce" && s.lemma(h) != "declare") {
		return s.subjects(h), h // "Turkey completed the purchase of", not "X said the support of"
	}
	if h := s.head[w]; h >= 0 && s.hasRel(w, "obl") && s.verbal(h) && oneOf(s.caseOf(w), []string{"during", "on", "after", "before"}) {
		return s.subjects(h), h // "he met extremists during a visit to Dagestan"
	}
	return nil, w
}

// betweenFrame reads "talks between X and Y".
func (s *sentence) betweenFrame(out []found, f schema.Frame, w int) []found {
	if _, ok := s.requires(f, w); !ok {
		return out
	}
	kids := s.kids[w]
	if h := s.head[w]; h >= 0 && s.verbal(h) && s.hasRel(w, "nsubj:pass", "obj") {
		kids = append(append([]int(nil), kids...), s.kids[h]...) // "an agreement was reached between Hamas and Israel"
	}
	for _, k := range kids {
		if !s.hasRel(k, "nmod", "obl") || s.caseOf(k) != "between" {
			continue
		}
		side := s.conjuncts(k)
		clause := w
		if len(f.Under) > 0 {
			clause = s.head[w]
		}
		for i := 0; i < len(side); i++ {
			for j := i + 1; j < len(side); j++ {
				out = append(out, found{pred: f.Predicate, subj: side[i], obj: side[j], trigger: w, clause: clause, frame: f, recipient: -1})
			}
		}
	}
	return out
}

// relationalFrame reads "X, an ally of Y", "X is Y's ally", "Y's ally X".
func (s *sentence) relationalFrame(out []found, f schema.Frame, w int) []found {
	if len(f.Obj) > 0 {
		ok := false
		for _, k := range s.kids[w] {
			if s.hasRel(k, "compound", "amod") && oneOf(s.lemma(k), f.Obj) {
				ok = true
			}
		}
		if !ok {
			return out
		}
	}
	var objs []int
	for _, k := range s.kids[w] {
		if s.hasRel(k, "nmod:poss") || s.hasRel(k, "nmod") && (s.caseOf(k) == "of" || len(f.Preps) > 0 && oneOf(s.caseOf(k), f.Preps)) {
			objs = s.expand([]int{k})
			break
		}
	}
	if len(objs) == 0 {
		return out
	}
	var subjs []int
	switch {
	case s.hasRel(w, "appos"):
		subjs = []int{s.head[w]}
	case s.child(w, "cop") >= 0:
		subjs = s.children(w, "nsubj")
	case s.hasRel(w, "xcomp") && s.head[w] >= 0:
		subjs = s.subjects(s.head[w])
	}
	for _, k := range s.kids[w] {
		if s.hasRel(k, "appos") || s.hasRel(k, "flat", "compound") && k > w && s.upos(k) == "PROPN" {
			subjs = append(subjs, k) // "Y's ally, X"
		}
	}
	for _, a := range s.expand(subjs) {
		for _, b := range objs {
			if a != b {
				out = append(out, found{pred: f.Predicate, subj: a, obj: b, trigger: w, clause: w, frame: f, recipient: -1})
			}
		}
	}
	return out
}
