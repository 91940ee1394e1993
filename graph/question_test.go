package graph

import (
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

func parserT(t *testing.T) *Parser {
	t.Helper()
	vocab, _, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	return NewParser(vocab)
}

// TestParseQuestion reads questions off the frames: every form, the
// predicates only frames.txt had, verbs in several inflections, the
// object a frame needs, particles, prepositions and complements.
func TestParseQuestion(t *testing.T) {
	p := parserT(t)
	tests := []struct {
		text string
		want Question // Text is filled in
	}{
		// The forms.
		{"Who sanctioned Turkey?", Question{Kind: AskSubjects, Predicate: "sanctioned", Object: "Turkey"}},
		{"Which countries invaded Ukraine?", Question{Kind: AskSubjects, Predicate: "invaded", Object: "Ukraine", Type: schema.Country}},
		{"Who met Blinken?", Question{Kind: AskSubjects, Predicate: "met", Object: "Blinken"}},
		{"What did Turkey buy?", Question{Kind: AskObjects, Predicate: "bought", Subject: "Turkey"}},
		{"Whom did Çavuşoğlu meet?", Question{Kind: AskObjects, Predicate: "met", Subject: "Çavuşoğlu"}},
		{"Who did Turkey invite?", Question{Kind: AskObjects, Predicate: "invited", Subject: "Turkey"}},
		{"How is the United States connected to Russia?", Question{Kind: AskPath, Subject: "the United States", Object: "Russia"}},
		{"What links Turkey and Ukraine?", Question{Kind: AskPath, Subject: "Turkey", Object: "Ukraine"}},
		{"What do we know about Turkey?", Question{Kind: AskAbout, Subject: "Turkey"}},
		{"Tell me about Hakan Fidan", Question{Kind: AskAbout, Subject: "Hakan Fidan"}},
		{"When did the US sanction Turkey?", Question{Kind: AskWhen, Predicate: "sanctioned", Subject: "the US", Object: "Turkey"}},
		{"Did Russia invade Ukraine?", Question{Kind: AskCheck, Predicate: "invaded", Subject: "Russia", Object: "Ukraine"}},
		{"Which sources say Turkey bought the S-400?", Question{Kind: AskSources, Predicate: "bought", Subject: "Turkey", Object: "the S-400"}},
		{"Who did Modi host?", Question{Kind: AskObjects, Predicate: "hosted", Subject: "Modi"}},
		{"Which sources say Eritrea deployed troops?", Question{Kind: AskSources, Predicate: "deployed", Subject: "Eritrea", Object: "troops"}},

		// The nine predicates only frames.txt had.
		{"Who signed a deal with Iran?", Question{Kind: AskSubjects, Predicate: "signed_agreement_with", Object: "Iran"}},
		{"Did Israel agree a ceasefire with Hamas?", Question{Kind: AskCheck, Predicate: "signed_agreement_with", Subject: "Israel", Object: "Hamas"}},
		{"Who killed Soleimani?", Question{Kind: AskSubjects, Predicate: "killed", Object: "Soleimani"}},
		{"Who shot dead the journalist?", Question{Kind: AskSubjects, Predicate: "killed", Object: "the journalist"}},
		{"Who detained Navalny?", Question{Kind: AskSubjects, Predicate: "detained", Object: "Navalny"}},
		{"Did Hamas take Smith hostage?", Question{Kind: AskCheck, Predicate: "detained", Subject: "Hamas", Object: "Smith"}},
		{"Who seized Bakhmut?", Question{Kind: AskSubjects, Predicate: "seized", Object: "Bakhmut"}},
		{"Who took control of Kabul?", Question{Kind: AskSubjects, Predicate: "seized", Object: "Kabul"}},
		{"Who threatened Taiwan?", Question{Kind: AskSubjects, Predicate: "threatened", Object: "Taiwan"}},
		{"Who sued Globex Inc?", Question{Kind: AskSubjects, Predicate: "sued", Object: "Globex Inc"}},
		{"Who filed a lawsuit against Globex Inc?", Question{Kind: AskSubjects, Predicate: "sued", Object: "Globex Inc"}},
		{"Who owns Mobil?", Question{Kind: AskSubjects, Predicate: "owns", Object: "Mobil"}},
		{"Who holds a stake in Mobil?", Question{Kind: AskSubjects, Predicate: "owns", Object: "Mobil"}},
		{"Who owns 51% of Mobil?", Question{Kind: AskSubjects, Predicate: "owns", Object: "Mobil"}},
		{"Who invested in Kenya?", Question{Kind: AskSubjects, Predicate: "invested_in", Object: "Kenya"}},
		{"What did Russia supply?", Question{Kind: AskObjects, Predicate: "supplied", Subject: "Russia"}},
		{"Who sent weapons to Ukraine?", Question{Kind: AskSubjects, Predicate: "supplied", Object: "Ukraine"}},
		{"Who did Russia give aid to?", Question{Kind: AskObjects, Predicate: "supplied", Subject: "Russia"}},

		// Inflections.
		{"Who sues Globex?", Question{Kind: AskSubjects, Predicate: "sued", Object: "Globex"}},
		{"Who is supplying Iran?", Question{Kind: AskAbout, Subject: "supplying Iran"}}, // "who is" asks about
		{"Which countries have supplied Iran?", Question{Kind: AskSubjects, Predicate: "supplied", Object: "Iran", Type: schema.Country}},
		{"When was Russia supplying Iran?", Question{Kind: AskWhen, Predicate: "supplied", Subject: "Russia", Object: "Iran"}},
		{"Who supplies Iran?", Question{Kind: AskSubjects, Predicate: "supplied", Object: "Iran"}},
		{"Who has sued Globex?", Question{Kind: AskSubjects, Predicate: "sued", Object: "Globex"}},
		{"Did the US sanction India?", Question{Kind: AskCheck, Predicate: "sanctioned", Subject: "the US", Object: "India"}},
		{"Who travelled to Moscow?", Question{Kind: AskSubjects, Predicate: "visited", Object: "Moscow"}},
		{"Who traveled to Moscow?", Question{Kind: AskSubjects, Predicate: "visited", Object: "Moscow"}},
		{"Who flew to Moscow?", Question{Kind: AskSubjects, Predicate: "visited", Object: "Moscow"}},
		{"Who struck Kyiv?", Question{Kind: AskSubjects, Predicate: "attacked", Object: "Kyiv"}},
		{"Who equipped Ukraine?", Question{Kind: AskSubjects, Predicate: "supplied", Object: "Ukraine"}},
		{"Who kidnapped Smith?", Question{Kind: AskSubjects, Predicate: "detained", Object: "Smith"}},
		{"Who froze the assets of Rosneft?", Question{Kind: AskSubjects, Predicate: "sanctioned", Object: "Rosneft"}},
		{"Who overran Mariupol?", Question{Kind: AskSubjects, Predicate: "seized", Object: "Mariupol"}},
		{"Who slew Goliath?", Question{Kind: AskSubjects, Predicate: "killed", Object: "Goliath"}},

		// Objects, particles and prepositions of the frames.
		{"Who imposed sanctions on Russia?", Question{Kind: AskSubjects, Predicate: "sanctioned", Object: "Russia"}},
		{"Who imposed new tariffs on China?", Question{Kind: AskSubjects, Predicate: "sanctioned", Object: "China"}},
		{"Who held talks with Putin?", Question{Kind: AskSubjects, Predicate: "met", Object: "Putin"}},
		{"Who met with Putin?", Question{Kind: AskSubjects, Predicate: "met", Object: "Putin"}},
		{"Who did Turkey talk to?", Question{Kind: AskObjects, Predicate: "met", Subject: "Turkey"}},
		{"Who took over Mobil?", Question{Kind: AskSubjects, Predicate: "bought", Object: "Mobil"}},
		{"Which countries want to join NATO?", Question{Kind: AskSubjects, Predicate: "seeks_to_join", Object: "NATO", Type: schema.Country}},
		{"Which countries joined NATO?", Question{Kind: AskSubjects, Predicate: "member_of", Object: "NATO", Type: schema.Country}},
		{"Who became a member of NATO?", Question{Kind: AskSubjects, Predicate: "member_of", Object: "NATO"}},
		{"Who called on Iran to stop?", Question{Kind: AskSubjects, Predicate: "urged", Object: "Iran to stop"}},
		{"Who called the strikes unacceptable?", Question{Kind: AskSubjects, Predicate: "criticized", Object: "the strikes"}},
		{"Who lashed out at Russia?", Question{Kind: AskSubjects, Predicate: "criticized", Object: "Russia"}},
		{"Who fired rockets at Israel?", Question{Kind: AskSubjects, Predicate: "attacked", Object: "Israel"}},
		{"Did Chile and Peru discuss Bolivia?", Question{Kind: AskCheck, Predicate: "met", Subject: "Chile and Peru", Object: "Bolivia"}},

		// One word, several predicates: the longest, then the first lemma.
		{"What did Russia sell?", Question{Kind: AskObjects, Predicate: "sold", Subject: "Russia"}},
		{"Who sold weapons to Iran?", Question{Kind: AskSubjects, Predicate: "supplied", Object: "Iran"}},
		{"Who sold Mobil?", Question{Kind: AskSubjects, Predicate: "sold", Object: "Mobil"}},
		{"Who supplied Iran with drones?", Question{Kind: AskSubjects, Predicate: "supplied", Object: "Iran with drones"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := p.Parse(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Text = tt.text
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseQuestionFails(t *testing.T) {
	p := parserT(t)
	for _, text := range []string{"Why is the sky blue?", "Who shot Smith?", "Who held Mobil?", "What did Turkey?", "Who sued?"} {
		t.Run(text, func(t *testing.T) {
			if q, err := p.Parse(text); err == nil {
				t.Errorf("understood as %+v", q)
			}
		})
	}
}
