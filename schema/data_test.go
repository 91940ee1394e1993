package schema

import "testing"

func TestDefaultLoads(t *testing.T) {
	vocab, gaz, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	core := []string{"met", "visited", "invited", "hosted", "urged", "warned", "criticized",
		"praised", "rejected", "supports", "opposes", "cooperates_with", "trades_with",
		"mediates", "sanctioned", "invaded", "annexed", "attacked", "fought", "deployed",
		"bought", "sold", "made_by", "member_of", "part_of", "borders", "closed",
		"official_of", "seeks_to_join", "signed_agreement_with", "killed", "detained", "seized",
		"threatened", "sued", "owns", "invested_in", "supplied"}
	for _, name := range core {
		if _, ok := vocab.Lookup(name); !ok {
			t.Errorf("core predicate %q missing from the vocabulary", name)
		}
	}
	if len(vocab.Predicates) != len(core) {
		t.Errorf("%d predicates, want the %d core ones", len(vocab.Predicates), len(core))
	}
	symmetric := map[string]bool{"met": true, "cooperates_with": true, "trades_with": true, "fought": true,
		"borders": true, "signed_agreement_with": true}
	for _, p := range vocab.Predicates {
		if p.Symmetric != symmetric[p.Name] {
			t.Errorf("%s: symmetric %v, want %v", p.Name, p.Symmetric, symmetric[p.Name])
		}
	}
	for _, name := range []string{"sued", "owns", "supplied", "bought"} {
		if p, _ := vocab.Lookup(name); len(p.Frames) == 0 {
			t.Errorf("%s has no frames", name)
		}
	}
	forms := map[string]string{}
	for _, n := range gaz.Names {
		forms[n.Form] = n.Entity.Name
	}
	tests := []struct{ form, want string }{
		{"Ankara", "Turkey"}, {"Kremlin", "Russia"}, {"Kiev", "Ukraine"}, {"Kyiv", "Ukraine"},
		{"Turkish", "Turkey"}, {"White House", "United States"}, {"Brussels", "European Union"},
		{"U.S.", "United States"}, {"Erdogan", "Recep Tayyip Erdoğan"},
	}
	for _, tt := range tests {
		if got := forms[tt.form]; got != tt.want {
			t.Errorf("%q names %q, want %q", tt.form, got, tt.want)
		}
	}
	if len(gaz.Titles) == 0 {
		t.Error("no titles")
	}
}
