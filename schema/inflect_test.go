package schema

import (
	"reflect"
	"strings"
	"testing"
)

func TestVerbInflections(t *testing.T) {
	tests := []struct {
		lemma, third, past, participle, ing string // "|" between alternatives
	}{
		{"sanction", "sanctions", "sanctioned", "sanctioned", "sanctioning"},
		{"sue", "sues", "sued", "sued", "suing"},
		{"supply", "supplies", "supplied", "supplied", "supplying"},
		{"agree", "agrees", "agreed", "agreed", "agreeing"},
		{"tie", "ties", "tied", "tied", "tying"},
		{"impose", "imposes", "imposed", "imposed", "imposing"},
		{"press", "presses", "pressed", "pressed", "pressing"},
		{"lash", "lashes", "lashed", "lashed", "lashing"},
		{"embargo", "embargoes", "embargoed", "embargoed", "embargoing"},
		{"stay", "stays", "stayed", "stayed", "staying"},
		{"ally", "allies", "allied", "allied", "allying"},
		{"slam", "slams", "slammed", "slammed", "slamming"},
		{"ship", "ships", "shipped", "shipped", "shipping"},
		{"quit", "quits", "quit", "quit", "quitting"},
		{"fix", "fixes", "fixed", "fixed", "fixing"},
		{"visit", "visits", "visited", "visited", "visiting"},
		{"hack", "hacks", "hacked", "hacked", "hacking"},
		{"jail", "jails", "jailed", "jailed", "jailing"},
		{"equip", "equips", "equipped", "equipped", "equipping"},
		{"transfer", "transfers", "transferred", "transferred", "transferring"},
		{"control", "controls", "controlled", "controlled", "controlling"},
		{"travel", "travels", "travelled|traveled", "travelled|traveled", "travelling|traveling"},
		{"label", "labels", "labelled|labeled", "labelled|labeled", "labelling|labeling"},
		{"appeal", "appeals", "appealed", "appealed", "appealing"},
		{"panic", "panics", "panicked", "panicked", "panicking"},
		{"meet", "meets", "met", "met", "meeting"},
		{"hold", "holds", "held", "held", "holding"},
		{"buy", "buys", "bought", "bought", "buying"},
		{"sell", "sells", "sold", "sold", "selling"},
		{"fight", "fights", "fought", "fought", "fighting"},
		{"strike", "strikes", "struck", "struck|stricken", "striking"},
		{"shoot", "shoots", "shot", "shot", "shooting"},
		{"send", "sends", "sent", "sent", "sending"},
		{"give", "gives", "gave", "given", "giving"},
		{"take", "takes", "took", "taken", "taking"},
		{"go", "goes", "went", "gone", "going"},
		{"come", "comes", "came", "come", "coming"},
		{"fly", "flies", "flew", "flown", "flying"},
		{"build", "builds", "built", "built", "building"},
		{"seek", "seeks", "sought", "sought", "seeking"},
		{"have", "has", "had", "had", "having"},
		{"bring", "brings", "brought", "brought", "bringing"},
		{"freeze", "freezes", "froze", "frozen", "freezing"},
		{"shut", "shuts", "shut", "shut", "shutting"},
		{"hit", "hits", "hit", "hit", "hitting"},
		{"slay", "slays", "slew|slayed", "slain|slayed", "slaying"},
		{"become", "becomes", "became", "become", "becoming"},
		{"show", "shows", "showed", "shown|showed", "showing"},
		{"speak", "speaks", "spoke", "spoken", "speaking"},
		{"overrun", "overruns", "overran", "overrun", "overrunning"},
		{"lead", "leads", "led", "led", "leading"},
		{"bid", "bids", "bid", "bid", "bidding"},
		{"be", "is", "was|were", "been", "being"},
	}
	for _, tt := range tests {
		t.Run(tt.lemma, func(t *testing.T) {
			got := []string{thirdPerson(tt.lemma), strings.Join(past(tt.lemma), "|"),
				strings.Join(participle(tt.lemma), "|"), strings.Join(gerund(tt.lemma), "|")}
			want := []string{tt.third, tt.past, tt.participle, tt.ing}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestVerbForms(t *testing.T) {
	tests := []struct{ lemma, want string }{
		{"sue", "sue sues sued suing"},
		{"carry out", "carry out|carries out|carried out|carrying out"},
		{"meet", "meet meets met meeting"},
	}
	for _, tt := range tests {
		sep := " "
		if strings.Contains(tt.want, "|") {
			sep = "|"
		}
		if got := strings.Join(VerbForms(tt.lemma), sep); got != tt.want {
			t.Errorf("VerbForms(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}

func TestNounForms(t *testing.T) {
	tests := []struct{ noun, want string }{
		{"sanction", "sanction sanctions"},
		{"talk", "talk talks"},
		{"embargo", "embargo embargoes"},
		{"gas", "gas gases"},
		{"supply", "supply supplies"},
		{"ceasefire", "ceasefire ceasefires"},
		{"memorandum", "memorandum memoranda memorandums"},
		{"aircraft", "aircraft"},
		{"person", "person people persons"},
		{"%", "%"},
		{"air strike", "air strike|air strikes"},
	}
	for _, tt := range tests {
		sep := " "
		if strings.Contains(tt.want, "|") {
			sep = "|"
		}
		if got := strings.Join(NounForms(tt.noun), sep); got != tt.want {
			t.Errorf("NounForms(%q) = %q, want %q", tt.noun, got, tt.want)
		}
	}
}

// TestIrregularVerbsOfFrames checks that irregular.txt knows the irregular
// verbs of frames.txt, listed here by hand: a new irregular lemma in
// frames.txt belongs in both.
func TestIrregularVerbsOfFrames(t *testing.T) {
	vocab, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"meet", "hold", "buy", "sell", "fight", "strike", "shoot", "send", "give", "take",
		"go", "come", "fly", "build", "seek", "have", "bring", "freeze", "shut", "hit", "slay",
		"become", "show", "speak", "overrun", "bid"}
	lemmas := map[string]bool{}
	for _, p := range vocab.Predicates {
		for _, f := range p.Frames {
			for _, l := range append(append([]string{}, f.Lemmas...), f.Under...) {
				lemmas[l] = true
			}
		}
	}
	for _, l := range want {
		if !lemmas[l] {
			t.Errorf("%q is no longer a lemma of frames.txt; drop it from this list", l)
		}
		if _, ok := irregulars().past[l]; !ok {
			t.Errorf("irregular.txt lacks %q", l)
		}
	}
}
