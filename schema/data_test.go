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
		"official_of", "seeks_to_join"}
	for _, name := range core {
		if _, ok := vocab.Lookup(name); !ok {
			t.Errorf("core predicate %q missing from the vocabulary", name)
		}
	}
	for _, sym := range []string{"met", "cooperates_with", "trades_with", "fought", "borders"} {
		if !vocab.Symmetric(sym) {
			t.Errorf("%s should be symmetric", sym)
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
