package graph

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// QuestionKind is the form of a question.
type QuestionKind string

// The question forms ask understands.
const (
	AskSubjects QuestionKind = "subjects" // Who sanctioned Turkey?
	AskObjects  QuestionKind = "objects"  // What did Turkey buy?
	AskPath     QuestionKind = "path"     // How is the United States connected to Russia?
	AskAbout    QuestionKind = "about"    // What do we know about Turkey?
	AskWhen     QuestionKind = "when"     // When did the US sanction Turkey?
	AskCheck    QuestionKind = "check"    // Did Russia invade Ukraine?
	AskSources  QuestionKind = "sources"  // Which sources say Turkey bought the S-400?
)

// Forms lists example questions of each form, for users whose question
// was not understood.
var Forms = []string{
	"Who sanctioned Turkey?  Which countries invaded Ukraine?  Who met Blinken?",
	"What did Turkey buy?  Whom did Çavuşoğlu meet?  Who did Turkey invite?",
	"How is the United States connected to Russia?  What links Turkey and Ukraine?",
	"What do we know about Turkey?  Tell me about Hakan Fidan",
	"When did the US sanction Turkey?",
	"Did Russia invade Ukraine?  Which sources say Turkey bought the S-400?",
}

// Question is a parsed question: names are still as the user wrote them
// until Resolve maps them to entities.
type Question struct {
	Text      string            `json:"text"`
	Kind      QuestionKind      `json:"kind"`
	Predicate string            `json:"predicate,omitempty"`
	Subject   string            `json:"subject,omitempty"`
	Object    string            `json:"object,omitempty"`
	Type      schema.EntityType `json:"type,omitempty"` // "Which countries ...": only these
}

// ParseError says a question was not understood, and which forms are.
type ParseError struct {
	Question string
	Reason   string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("cannot understand %q (%s); ask in one of these forms:\n  %s",
		e.Question, e.Reason, strings.Join(Forms, "\n  "))
}

// Parser reads questions with the vocabulary's frames, the lemmas the
// extractor reads articles with: a verb in any inflection, with the object
// its frame needs ("imposed sanctions on", "held talks with"), its particle
// ("took over") and, if one follows, its preposition.
type Parser struct {
	verbs map[string][]*verbPhrase // by the verb's first word
	span  int                      // the most words a phrase takes
}

// NewParser makes a parser for a vocabulary.
func NewParser(vocab *schema.Vocabulary) *Parser {
	p := &Parser{verbs: verbPhrases(vocab)}
	for _, phrases := range p.verbs {
		for _, ph := range phrases {
			p.span = max(p.span, ph.span())
		}
	}
	return p
}

var (
	rePath1 = regexp.MustCompile(`^(?:how|in what way) (?:is|are|was|were) (.+?) (?:connected|linked|related|tied) (?:to|with) (.+)$`)
	rePath2 = regexp.MustCompile(`^how are (.+?) and (.+?) (?:connected|linked|related)$`)
	rePath3 = regexp.MustCompile(`^what (?:links|connects|ties) (.+?) (?:and|to|with) (.+)$`)
	reAbout = regexp.MustCompile(`^(?:what do (?:we|you) know about|tell me about|what about|who is|what is|describe|show) (.+)$`)
	reWhen  = regexp.MustCompile(`^when (?:did|does|do|has|have|was|were) (.+)$`)
	reCheck = regexp.MustCompile(`^(?:did|does|do|has|have|is|was|were) (.+)$`)
	reSrc   = regexp.MustCompile(`^(?:which|what) (?:sources|documents|articles|reports|papers) (?:say|said|says|claim|report|state|show) (?:that )?(.+)$`)
	reObj   = regexp.MustCompile(`^(?:who|whom|what|which \w+) (?:did|does|do|has|have|had) (.+)$`)
	reSubj  = regexp.MustCompile(`^(who|which \w+) (?:has |have |had |did )?(.+)$`)
)

// typeWords map the noun of "Which countries ..." to an entity type.
var typeWords = map[string]schema.EntityType{
	"countries": schema.Country, "country": schema.Country, "states": schema.Country, "nations": schema.Country,
	"people": schema.Person, "persons": schema.Person, "leaders": schema.Person, "officials": schema.Person,
	"organizations": schema.Organization, "organisations": schema.Organization, "bodies": schema.Organization,
	"groups": schema.Group, "places": schema.Place, "weapons": schema.Weapon,
}

// Parse reads a question in one of the forms listed in Forms.
func (p *Parser) Parse(text string) (Question, error) {
	q := Question{Text: text}
	s := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), "?.!"))
	low := strings.ToLower(s)
	// Names keep the user's capitals: cut them from s at the offsets the
	// lower-case match found (lower-casing keeps byte offsets for the
	// names news uses, checked below).
	orig := func(m []int, i int) string {
		if len(low) == len(s) {
			return strings.TrimSpace(s[m[2*i]:m[2*i+1]])
		}
		return strings.TrimSpace(low[m[2*i]:m[2*i+1]])
	}
	switch {
	case rePath1.MatchString(low), rePath2.MatchString(low), rePath3.MatchString(low):
		for _, re := range []*regexp.Regexp{rePath1, rePath2, rePath3} {
			if m := re.FindStringSubmatchIndex(low); m != nil {
				q.Kind, q.Subject, q.Object = AskPath, orig(m, 1), orig(m, 2)
				return q, nil
			}
		}
	case reSrc.MatchString(low):
		m := reSrc.FindStringSubmatchIndex(low)
		return p.clause(q, AskSources, orig(m, 1))
	case reAbout.MatchString(low):
		m := reAbout.FindStringSubmatchIndex(low)
		q.Kind, q.Subject = AskAbout, orig(m, 1)
		return q, nil
	case reWhen.MatchString(low):
		m := reWhen.FindStringSubmatchIndex(low)
		return p.clause(q, AskWhen, orig(m, 1))
	case reObj.MatchString(low):
		m := reObj.FindStringSubmatchIndex(low)
		if q, ok := p.objects(q, orig(m, 1)); ok {
			return q, nil
		}
		// "Who has sued Globex?" asks who did it.
		if m := reSubj.FindStringSubmatchIndex(low); m != nil {
			if q, err := p.subjects(q, low[m[2]:m[3]], orig(m, 2)); err == nil {
				return q, nil
			}
		}
		return q, &ParseError{Question: text, Reason: "no verb of the vocabulary at its end"}
	case reCheck.MatchString(low):
		m := reCheck.FindStringSubmatchIndex(low)
		return p.clause(q, AskCheck, orig(m, 1))
	case reSubj.MatchString(low):
		m := reSubj.FindStringSubmatchIndex(low)
		return p.subjects(q, low[m[2]:m[3]], orig(m, 2))
	}
	return q, &ParseError{Question: text, Reason: "not one of the forms"}
}

// objects reads "SUBJECT VERB" after "What did", the verb at its end.
func (p *Parser) objects(q Question, s string) (Question, bool) {
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		if pred, _, ok := p.verbAt(words, i, false); ok {
			q.Kind, q.Predicate, q.Subject = AskObjects, pred, strings.Join(words[:i], " ")
			return q, true
		}
	}
	return q, false
}

// subjects reads "VERB OBJECT" after "Who" or "Which TYPE".
func (p *Parser) subjects(q Question, who, s string) (Question, error) {
	if who != "who" {
		t, ok := typeWords[strings.TrimPrefix(who, "which ")]
		if !ok {
			return q, &ParseError{Question: q.Text, Reason: fmt.Sprintf("%q is not a kind of entity", who)}
		}
		q.Type = t
	}
	if pred, obj, ok := p.verbAt(strings.Fields(s), 0, true); ok {
		q.Kind, q.Predicate, q.Object = AskSubjects, pred, strings.Join(obj, " ")
		return q, nil
	}
	return q, &ParseError{Question: q.Text, Reason: "no verb of the vocabulary after " + who}
}

// clause splits "SUBJECT VERB OBJECT" at the vocabulary verb.
func (p *Parser) clause(q Question, kind QuestionKind, s string) (Question, error) {
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		if pred, obj, ok := p.verbAt(words, i, true); ok {
			q.Kind, q.Predicate = kind, pred
			q.Subject, q.Object = strings.Join(words[:i], " "), strings.Join(obj, " ")
			return q, nil
		}
	}
	return q, &ParseError{Question: q.Text, Reason: "no verb of the vocabulary between two names"}
}
